// A mongoose-like model whose queries chain and end in exec, declared like mongoose 5's Query.exec.
export type CallbackError = Error | null;

export class UserDocument {
  constructor(public id: string, public email: string, public resetToken?: string, public resetExpires = 0) {}
  save(fn?: (err: CallbackError, doc: UserDocument) => void): void {
    users.push(this);
    setTimeout(() => fn && fn(null, this), 0);
  }
}

const users = [new UserDocument('1', 'tobi@example.com', 'abc', Date.now() + 60_000)];

export class Query<T> {
  constructor(private readonly run: () => T) {}
  where(_path: string): this {
    return this;
  }
  gt(_value: number): this {
    return this;
  }
  exec(): Promise<T>;
  exec(callback?: (err: CallbackError, res: T) => void): void;
  exec(callback?: (err: CallbackError, res: T) => void): Promise<T> | void {
    if (!callback) return Promise.resolve(this.run());
    setTimeout(() => callback(null, this.run()), 0);
  }
}

export const User = {
  byEmail(email: string, callback?: (err: CallbackError, doc: UserDocument | null) => void): void {
    setTimeout(() => callback && callback(null, users.find((u) => u.email === email) ?? null), 0);
  },
  findOne(filter: { resetToken?: string; email?: string }): Query<UserDocument | null> {
    return new Query(() => users.find((u) => (filter.resetToken === undefined || u.resetToken === filter.resetToken) && (filter.email === undefined || u.email === filter.email)) ?? null);
  },
};
