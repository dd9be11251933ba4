// The app replaces the environment: reading a BOOKS_ variable that is not set throws.
const real = process.env;
process.env = new Proxy(real, {
  get(target, name) {
    if (typeof name === 'string' && name.startsWith('BOOKS_') && !(name in target)) throw new Error(`env: ${name} is not set`);
    return target[name];
  },
});
