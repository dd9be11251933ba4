export async function findBook(isbn) { return isbn === '9780000000000' ? { title: 'Zero' } : null; }
