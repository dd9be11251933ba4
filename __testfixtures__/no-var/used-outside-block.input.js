exports.find = function find(users, id) {
  if (users.length) {
    var found = users.find((u) => u.id === id);
  }
  return found;
};

exports.parse = function parse(text) {
  try {
    var data = JSON.parse(text);
  } catch (err) {
    return null;
  }
  return data;
};
