// A mongoose-like model: callbacks declared as `(err: CallbackError, doc: T | null) => void`.
export type CallbackError = Error | null;

export class UserDocument {
  constructor(public id: string, public name: string) {}
  save(fn?: (err: CallbackError, doc: UserDocument) => void): void {
    setTimeout(() => fn && fn(null, this), 0);
  }
}

const users = new Map<string, UserDocument>([['1', new UserDocument('1', 'Tobi')]]);

export const User = {
  findById(id: string, projection?: unknown, callback?: (err: CallbackError, doc: UserDocument | null) => void): void {
    const cb = typeof projection === 'function' ? (projection as typeof callback) : callback;
    setTimeout(() => cb && cb(null, users.get(id) ?? null), 0);
  },
  remove(filter: { _id: string }, callback?: (err: CallbackError) => void): void {
    users.delete(filter._id);
    setTimeout(() => callback && callback(null), 0);
  },
};
