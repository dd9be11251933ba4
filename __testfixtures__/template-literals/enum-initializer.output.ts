const PREFIX = 'app';
enum Keys {
  Session = PREFIX + ':session',
  User = 'user:' + PREFIX,
  Plain = 'a' + 'b',
}
const label = `key ${Keys.User}`;
