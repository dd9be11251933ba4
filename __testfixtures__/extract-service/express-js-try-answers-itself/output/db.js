const notes = [{ id: 1, title: 'first', owner: 'ann' }];
exports.all = async () => notes.slice();
exports.find = async (id) => notes.find((n) => n.id === id) || null;
exports.insert = async (note) => {
  if (note.title === 'boom') throw new Error('disk full');
  const saved = Object.assign({ id: notes.length + 1 }, note);
  notes.push(saved);
  return saved;
};
exports.audit = (what) => what.trim();
