// Generators, getters, setters and constructors cannot be async.
class Repo {
  constructor(db) {
    return db.ready().then(() => this);
  }

  get first() {
    return this.all().then((rows) => rows[0]);
  }

  set source(url) {
    return fetchJson(url).then((data) => data);
  }

  *pages() {
    return load().then((x) => x);
  }
}
