// An argument of `new` is a callback like any other.
var p = new Promise(function (resolve, reject) {
  fs.readFile(file, function (err, data) {
    if (err) return reject(err);
    resolve(data);
  });
});
