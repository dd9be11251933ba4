(function (root, name) {
  if (name === undefined) name = 'lib';
  root[name] = {};
})(globalThis);

function main() {
  const greet = who => {
    if (who === undefined) who = 'world';
    return 'hello ' + who;
  };
  console.log(greet());
}
main();
