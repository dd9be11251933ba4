export const db = {
  users: {
    async insert(u: { email: string; name?: string }) {
      return { id: 1, ...u };
    },
    async find(id: string) {
      return id === '1' ? { id: 1 } : undefined;
    },
  },
  orders: {
    async insert(o: unknown) {
      return o;
    },
    all(): unknown[] {
      return [];
    },
  },
};
