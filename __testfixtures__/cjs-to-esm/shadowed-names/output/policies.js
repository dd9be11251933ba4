const registry = {};
const register = (name, policy) => {
  registry[name] = policy;
};
const resolve = (name) => registry[name];
export { register, resolve };
