export const db = {
  async tags(): Promise<string[]> {
    return [];
  },
  async profile(name: string): Promise<{ name: string }> {
    return { name };
  },
  async follow(name: string): Promise<void> {
    void name;
  },
};
