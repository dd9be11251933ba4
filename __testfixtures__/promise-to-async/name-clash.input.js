// Inlined callbacks would put `result` twice in one scope, or hide the outer `user`.
function twice(pending) {
  return pending
    .then((result) => result + 1)
    .then((result) => result * 2);
}

function hides(user, friendPromise) {
  return friendPromise.then((friend) => {
    const user = friend.bestFriend;
    return user.name;
  });
}
