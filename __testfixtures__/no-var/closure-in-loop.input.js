const handlers = [];
module.exports = handlers;

for (var i = 0; i < 3; i++) {
  handlers.push(function () {
    return i;
  });
}

for (let j = 0; j < 3; j++) {
  var captured = j * 2;
  setTimeout(() => console.log(captured));
}
