export class UserRepository {
  async all() {
    return [];
  }
  async save(email: string) {
    return { id: 1, email };
  }
  byId(id: string) {
    return id === '1' ? { id: 1 } : undefined;
  }
}
