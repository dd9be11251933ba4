// jscodeshift transform for timing runners: turns every `var` declaration into `let` (no safety checks).
module.exports = function varToLet(file, api) {
  const j = api.jscodeshift;
  const root = j(file.source);
  const found = root.find(j.VariableDeclaration, { kind: 'var' });
  if (!found.length) return undefined;
  found.forEach((path) => {
    path.node.kind = 'let';
  });
  return root.toSource();
};
