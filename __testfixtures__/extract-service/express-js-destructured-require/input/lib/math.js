exports.total = function (items) { return items.reduce(function (s, i) { return s + i.price; }, 0); };
