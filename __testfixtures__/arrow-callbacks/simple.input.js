var ids = users.map(function (user) { return user.id; });
