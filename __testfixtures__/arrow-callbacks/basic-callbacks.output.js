var doubled = items.map((x) => {
  return x * 2;
});
items.forEach((item, i) => { console.log(i, item); });
setTimeout(() => {
  done();
}, 100);
fetchUser(id).then((user) => {
  return user.name;
}).catch((err) => { log(err) });
