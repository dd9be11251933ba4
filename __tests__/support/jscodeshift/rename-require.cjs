// CommonJS jscodeshift transform: renames require('request') to require('got'); returns nothing when untouched.
module.exports = function (file, api, options) {
  const j = api.j;
  const from = options.from || 'request';
  const to = options.to || 'got';
  const root = j(file.source);
  const calls = root.find(j.CallExpression, { callee: { name: 'require' }, arguments: [{ value: from }] });
  if (calls.length === 0) return undefined;
  calls.forEach((path) => {
    path.node.arguments[0] = j.literal(to);
  });
  api.report(`rewrote ${calls.length} require(s)`);
  return root.toSource();
};
