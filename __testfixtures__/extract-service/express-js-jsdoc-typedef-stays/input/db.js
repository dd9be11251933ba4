exports.insertUser = function (name) { return { id: 1, name: name }; };
exports.findByName = function (name) { return name === 'taken' ? { id: 2, name: name } : null; };
