interface User {
  id: number;
  name: string;
}

export class UserService {
  constructor(private readonly api: Api) {}

  public findName(id: number): Promise<string> {
    return this.api.get<User>(`/users/${id}`).then((user: User) => user.name);
  }

  static create(api: Api) {
    return api.ready().then(() => new UserService(api));
  }
}

export const helpers = {
  countUsers(api: Api): Promise<number> {
    return api.list().then((users: User[]) => users.length);
  },
};
