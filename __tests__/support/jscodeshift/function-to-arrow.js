// A jscodeshift transform in the usual style: ESM syntax in a .js file, recast printing of replaced nodes.
export default function transformer(file, api) {
  const j = api.jscodeshift;
  const root = j(file.source);
  let changed = 0;
  root
    .find(j.FunctionExpression, { generator: false })
    .filter((path) => {
      let usesThis = false;
      j(path.node.body).find(j.ThisExpression).forEach(() => { usesThis = true; });
      j(path.node.body).find(j.Identifier, { name: 'arguments' }).forEach(() => { usesThis = true; });
      return !usesThis && !path.node.id;
    })
    .replaceWith((path) => {
      changed++;
      const arrow = j.arrowFunctionExpression(path.node.params, path.node.body);
      arrow.async = path.node.async;
      return arrow;
    });
  api.stats('functions converted', changed);
  return changed ? root.toSource({ quote: 'single' }) : file.source;
}
