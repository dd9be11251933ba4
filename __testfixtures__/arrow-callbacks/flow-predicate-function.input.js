// @flow
// A Flow predicate function: `%checks` sits between the parameters and the body, where an arrow has no place for it.
const present = values.filter(function (value): %checks {
  return value != null;
});
