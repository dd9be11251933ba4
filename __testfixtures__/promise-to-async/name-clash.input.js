// Inlined callbacks would put `result` twice in one scope, or hide the outer `user`.
function twice(id) {
  return step(id)
    .then((result) => result + 1)
    .then((result) => result * 2);
}

function hides(user) {
  return fetchFriend(user.id).then((friend) => {
    const user = friend.bestFriend;
    return user.name;
  });
}
