export default class Feed {
  constructor(source) {
    this.source = source;
  }

  async load(id) {
    const item = await this.source.get(id);
    return item;
  }

  *entries() {
    for (const key of Object.keys(this.source)) yield [key, this.source[key]];
  }

  query(sql) {
    return `select *
from ${sql}
where 1 = 1`;
  }
}

export class Item {
  constructor(id) {
    this.id = id;
  }

  key() {
    return 'item:' + this.id;
  }
}
