const seen = [];
function load(p) {
  return get(p).then(function (res) {
    (res.items || []).forEach(function (it) { seen.push(it); });
    return seen.length;
  });
}
module.exports = { load };
