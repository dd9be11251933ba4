var ids = users.map((user) => { return user.id; });
