async function load(id) {
	try {
		const user = await fetchUser(id);
		var name = user.name;
		return await name.trim();
	} catch {
		return null;
	}
}
