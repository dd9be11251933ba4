// A browser script: no import/export, no require. Every var below is a global property.
if (typeof window !== 'undefined') {
  var isBrowser = true;
}
for (var i = 0; i < 3; i++) {
  console.log(i);
}
{
  var block = 1;
  console.log(block);
}
switch (location.hash) {
  case '#a': {
    var section = 'a';
    break;
  }
}
function local() {
  const inner = 2;
  return inner;
}
