// The app's own service layer: the class is not exported by name, the module exports one instance.
const users = [{ id: '1', name: 'Ann' }, { id: '2', name: 'Bo' }];

class UserService {
  async findUser(id) {
    return users.find((u) => u.id === id);
  }

  async listFriends(id) {
    return users.filter((u) => u.id !== id);
  }
}

export default new UserService();
