export async function saveUser(name: string, email: string, age?: number) {
	return { id: 1, name, email, age };
}
