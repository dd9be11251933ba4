var api = { name, list: function () { return []; } };
