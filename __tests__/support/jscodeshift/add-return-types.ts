// A TypeScript jscodeshift transform with its own parser export.
import type { API, FileInfo } from 'jscodeshift';

export const parser = 'tsx';

export default function addVoid(file: FileInfo, api: API): string {
  const j = api.jscodeshift;
  return j(file.source)
    .find(j.FunctionDeclaration)
    .filter((p) => !p.node.returnType && p.node.body.body.every((s) => s.type !== 'ReturnStatement'))
    .forEach((p) => {
      p.node.returnType = j.tsTypeAnnotation(j.tsVoidKeyword());
    })
    .toSource();
}
