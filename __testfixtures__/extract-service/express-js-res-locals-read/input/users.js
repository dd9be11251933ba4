const list = [{ id: 1, name: 'Ada', by: 'root' }];

exports.all = function all() {
  return list.slice();
};

exports.add = function add(name, by) {
  const user = { id: list.length + 1, name: name, by: by };
  list.push(user);
  return user;
};

exports.log = function log() {};
