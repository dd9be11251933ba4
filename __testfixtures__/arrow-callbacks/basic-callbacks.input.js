var doubled = items.map(function (x) {
  return x * 2;
});
items.forEach(function(item, i) { console.log(i, item); });
setTimeout(function () {
  done();
}, 100);
fetchUser(id).then(function (user) {
  return user.name;
}).catch(function (err) { log(err) });
