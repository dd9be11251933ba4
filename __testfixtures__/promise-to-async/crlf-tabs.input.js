function load(id) {
	return fetchUser(id)
		.then(function (user) {
			var name = user.name;
			return name.trim();
		})
		.catch(function () {
			return null;
		});
}
