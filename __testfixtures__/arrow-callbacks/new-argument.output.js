// An argument of `new` is a callback like any other.
var p = new Promise((resolve, reject) => {
  fs.readFile(file, (err, data) => {
    if (err) return reject(err);
    resolve(data);
  });
});
