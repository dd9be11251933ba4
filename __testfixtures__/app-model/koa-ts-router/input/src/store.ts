export const books = {
  async list(limit: number) {
    return [].slice(0, limit);
  },
  async add(b: { title: string; author: string }) {
    return { id: 1, ...b };
  },
  async get(id: string) {
    return id === '1' ? { id: 1 } : undefined;
  },
};
