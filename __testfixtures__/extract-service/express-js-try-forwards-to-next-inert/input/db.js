const users = [{ id: 1, email: 'a@x', answer: 'cat' }];
exports.findByEmail = async (email) => users.find((u) => u.email === email) || null;
exports.update = async (u, values) => { if (values.password === 'boom') throw new Error('db down'); return Object.assign(u, values); };
exports.normalize = (email) => email.trim().toLowerCase();
