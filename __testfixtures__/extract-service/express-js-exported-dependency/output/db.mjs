export async function find(id) { return id === 1 ? { id: 1, name: 'a' } : null; }
