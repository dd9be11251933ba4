// String and numeric keys keep their spelling as method names; value shorthand needs an identifier key.
var handlers = {
  'content-type': function (value) { return value.toLowerCase(); },
  "x-id": function (value) { return Number(value); },
  404: function () { return 'not found'; },
  'plain': plain,
};
