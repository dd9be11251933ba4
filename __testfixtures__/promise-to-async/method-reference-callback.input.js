// `.then(view.render)` calls render without `this`; `view.render(x)` would pass one. `next` may not be a function.
function show(userPromise, view) {
  return userPromise.then(view.render);
}

function handler(userPromise, res, next) {
  return userPromise.then(sendUser).catch(next);
}

function sendUser(user) {
  return user;
}
