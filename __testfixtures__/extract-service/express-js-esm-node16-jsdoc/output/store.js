const tags = [];

export const store = {
  /**
   * @param {string} label
   * @param {string} color
   */
  add(label, color) {
    const tag = { id: tags.length + 1, label, color };
    tags.push(tag);
    return tag;
  },
};
