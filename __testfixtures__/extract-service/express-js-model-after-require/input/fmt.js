exports.fmt = function (s) { return '<' + s + '>'; };
