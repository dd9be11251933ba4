// jscodeshift transform for timing runners: renames the rare identifier `foo` to `bar`; most files do not match.
module.exports = function renameFoo(file, api) {
  const j = api.jscodeshift;
  const root = j(file.source);
  const ids = root.find(j.Identifier, { name: 'foo' });
  if (!ids.length) return undefined;
  ids.forEach((path) => {
    path.node.name = 'bar';
  });
  return root.toSource();
};
