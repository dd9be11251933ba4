// In sloppy mode a default parameter unmaps `arguments` from the parameters.
function log(level, message) {
  if (message === undefined) message = '';
  console.log.apply(console, arguments);
}
log('info');
