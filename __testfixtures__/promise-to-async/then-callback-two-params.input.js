// A `.then` callback only ever gets one value; a second parameter has no counterpart after conversion.
function load(id) {
  return fetchUser(id).then((user, extra) => merge(user, extra));
}
