// await is not allowed in a parameter list.
async function load(id, source) {
  if (source === undefined) source = await connect();
  return source.get(id);
}
module.exports = () => load(1);
