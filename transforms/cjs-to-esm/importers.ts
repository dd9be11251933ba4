import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Node } from 'ts-morph';
import type { Info, Site } from './types.js';
import { isWriteTarget, referencesOf } from './syntax.js';

export function localRequires(file: string, infos: Map<string, Info>): string[] {
  const info = infos.get(file);
  if (!info) return requiresOnDisk(file, infos);
  const out: string[] = [];
  for (const s of info.sites) if (s.target?.type === 'local') out.push(s.target.file);
  for (const k of info.kept) if (k.target?.type === 'local') out.push(k.target.file);
  return out;
}

/** The text of a file outside the run, '' when it cannot be read (then it requires nothing). */
function textOnDisk(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Local candidates a file outside the run requires (by a textual scan; such files are CommonJS). */
function requiresOnDisk(file: string, infos: Map<string, Info>): string[] {
  const text = textOnDisk(file);
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![.$\w])require\s*\(\s*(['"])(\.[^'"]*)\1\s*\)/g)) {
    try {
      const resolved = createRequire(file).resolve(m[2]);
      if (infos.has(resolved)) out.push(resolved);
    } catch {
      // unresolvable: not ours
    }
  }
  return out;
}

export function dynamicPrefixesOnDisk(file: string): string[] {
  const text = textOnDisk(file);
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![.$\w])require\s*\(\s*(?!(['"`])[^'"`]*\1\s*\))(?:(['"`])([^'"`$]*))?/g)) out.push(m[3] ?? '');
  return out;
}

export function markCycles(infos: Map<string, Info>, stays: Set<string>): void {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let counter = 0;
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of localRequires(v, infos)) {
      if (!infos.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      for (let w = stack.pop()!; ; w = stack.pop()!) {
        onStack.delete(w);
        scc.push(w);
        if (w === v) break;
      }
      const selfLoop = localRequires(v, infos).includes(v);
      if (scc.length > 1 || selfLoop) {
        for (const f of scc) {
          const info = infos.get(f)!;
          info.blockers.push({ reason: 'circular-require', message: `part of a require cycle (${scc.map((s) => path.basename(s)).join(' → ')}); ES modules would see different partial exports`, at: 0 });
          stays.add(f);
        }
      }
    }
  };
  for (const v of infos.keys()) if (!index.has(v)) visit(v);
}

// ---------------------------------------------------------------------------------------------------------------
// Importers and export shapes

/** Whether an importer can use named or namespace imports of a module exporting `names`. */
export function importerFitsNames(info: Info, site: Site, names: Map<string, string>, thisUsers: Set<string>): boolean {
  if (site.kind === 'bare') return true;
  if (site.kind === 'destructure') return simpleDestructure(site.pattern!, names) !== undefined;
  if (site.kind === 'chain') {
    const init = site.init!;
    return Node.isPropertyAccessExpression(init) && init.getExpression() === site.call && names.has(init.getName());
  }
  // bind: only `x.name` reads of exported names
  const refs = referencesOf(info.sf, site.name!).filter((r) => r !== site.name);
  return refs.every((r) => {
    const p = r.getParent();
    if (!Node.isPropertyAccessExpression(p) || p.getExpression() !== r || !names.has(p.getName())) return false;
    if (isWriteTarget(p)) return false;
    const pp = p.getParent();
    if (Node.isDeleteExpression(pp)) return false;
    if (Node.isCallExpression(pp) && pp.getExpression() === p && thisUsers.has(p.getName())) return false;
    return true;
  });
}

/** `{ a, b: c }` → import specifiers, or undefined when the pattern needs the object (defaults, nesting, rest). */
export function simpleDestructure(pattern: Node, names?: Map<string, string>): string[] | undefined {
  const out: string[] = [];
  for (const el of (pattern as import('ts-morph').ObjectBindingPattern).getElements()) {
    if (el.getDotDotDotToken() || el.getInitializer()) return undefined;
    const nameNode = el.getNameNode();
    if (!Node.isIdentifier(nameNode)) return undefined;
    const prop = el.getPropertyNameNode();
    let key = nameNode.getText();
    if (prop) {
      if (!Node.isIdentifier(prop)) return undefined;
      key = prop.getText();
    }
    if (names && !names.has(key)) return undefined;
    out.push(key === nameNode.getText() ? key : `${key} as ${nameNode.getText()}`);
  }
  return out;
}
