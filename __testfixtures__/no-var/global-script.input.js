var APP_NAME = 'legacy';
var version = 1;
function bump() {
  version++;
}
