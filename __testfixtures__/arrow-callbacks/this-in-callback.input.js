// mocha sets `this` to the test context; jQuery to the element: must not change.
describe('api', function () {
  this.timeout(5000);
  it('works', function () {
    this.retries(2);
  });
});
$('a.external').each(function () {
  $(this).attr('target', '_blank');
});
emitter.on('data', function (chunk) {
  var self = this;
  setImmediate(() => self.write(chunk));
  return () => this.end();
});
