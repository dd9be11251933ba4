const seen = [];
async function load(p) {
  const res = await get(p);
  (res.items || []).forEach(function (it) { seen.push(it); });
  return seen.length;
}
module.exports = { load };
