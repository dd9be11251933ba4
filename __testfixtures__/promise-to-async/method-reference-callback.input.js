// `.then(view.render)` calls render without `this`; `view.render(x)` would pass one. `next` may not be a function.
function show(id, view) {
  return fetchUser(id).then(view.render);
}

function handler(req, res, next) {
  return fetchUser(req.params.id).then(sendUser).catch(next);
}

function sendUser(user) {
  return user;
}
