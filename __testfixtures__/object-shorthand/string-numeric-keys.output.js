// String and numeric keys keep their spelling as method names; value shorthand needs an identifier key.
var handlers = {
  'content-type'(value) { return value.toLowerCase(); },
  "x-id"(value) { return Number(value); },
  404() { return 'not found'; },
  'plain': plain,
};
