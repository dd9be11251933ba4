var api = { name: name, list: function () { return []; } };
