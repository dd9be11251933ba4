const notes = [];
exports.save = async (note) => {
  notes.push(note);
  return { id: notes.length, ...note };
};
