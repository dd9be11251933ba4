(function (root, name = 'lib') {
  root[name] = {};
})(globalThis);

function main() {
  const greet = (who = 'world') => {
    return 'hello ' + who;
  };
  console.log(greet());
}
main();
