interface User {
  id: number;
  name: string;
}

export class UserService {
  constructor(private readonly api: Api) {}

  public async findName(id: number): Promise<string> {
    const user: User = await this.api.get<User>(`/users/${id}`);
    return user.name;
  }

  static async create(api: Api) {
    await api.ready();
    return new UserService(api);
  }
}

export const helpers = {
  async countUsers(api: Api): Promise<number> {
    const users: User[] = await api.list();
    return users.length;
  },
};
