/** Controller side: the handler's new body (service call, success response, domain errors mapped) and DTO types. */
import path from 'node:path';
import { Node, SyntaxKind, ts, type SourceFile } from 'ts-morph';
import { type ModuleStyle, specifier } from './style.js';
import { type Extraction } from './handler-model.js';
import { answerParamIndex } from './frameworks/index.js';
import { epilogueChain, epilogueOf } from './epilogue.js';
import { flashWrap } from './flash-answer.js';

export function typeText(node: Node, servicePath: string, routeFile: SourceFile, style: ModuleStyle): string {
  const type = node.getType();
  let t = type.getText(undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseFullyQualifiedType);
  // (with files carrying their module format, the checker names a module of the other format with its resolution
  // mode: `import("/app/tags", { with: { "resolution-mode": "import" } })`; the mode of the service's own format,
  // which is the route module's, goes without saying, and older TypeScript versions do not know the attribute)
  const ownMode = routeFile.compilerNode.impliedNodeFormat === ts.ModuleKind.ESNext ? 'import' : routeFile.compilerNode.impliedNodeFormat === ts.ModuleKind.CommonJS ? 'require' : undefined;
  t = t.replace(/import\("([^"]+)"(, \{ with: \{ "resolution-mode": "(import|require)" \} \})?\)/g, (_m, p: string, attributes: string | undefined, mode: string | undefined) => {
    const keep = attributes && mode !== ownMode ? attributes : '';
    return resolvedImport(p, servicePath, routeFile, style).replace(/\)$/, `${keep})`);
  });
  // (the file's own quotes: `import('config').IConfig` where its imports say `from 'config'`)
  if (style.quote === "'") t = t.replace(/\bimport\("([^"']+)"([,)])/g, "import('$1'$2");
  // (an object literal of a JavaScript file takes new properties, `meta.found = true`: written out as a JSDoc type it
  // would not, a new type error in the service; an index signature keeps it open and its known fields typed; round
  // 17, F4)
  if (!style.ts && type.isObject() && (type.compilerType as ts.ObjectType).objectFlags & ts.ObjectFlags.JSLiteral && /^\{[\s\S]*\}$/.test(t) && !/\[key: string\]/.test(t)) {
    t = t === '{}' ? '{ [key: string]: any; }' : t.replace(/;?\s*\}$/, '; [key: string]: any; }');
  }
  return t;
}

/** A module the checker named by its absolute path, as the service module names it. */
function resolvedImport(p: string, servicePath: string, routeFile: SourceFile, style: ModuleStyle): string {
  if (!p.startsWith('/')) return `import("${p}")`;
  if (p.includes('/node_modules/')) {
    const pkg = p.split('/node_modules/').pop()!.replace(/^@types\//, '').replace(/\/index$/, '');
    return `import("${pkg}")`;
  }
  // (the checker names the module without its extension; an ES module under node16 resolution needs it:
  // `import("../app-admin.js")`, written as the service's own imports are)
  const file = MODULE_EXTENSIONS.map((ext) => p + ext).find((f) => !!routeFile.getProject().getSourceFile(f));
  // (a declaration file stands for the module of its name: `types/api/index.d.ts` is `types/api/index.js`)
  if (file) return `import("${specifier(servicePath, file.replace(/\.d\.([cm]?)ts$/, '.$1js'), style)}")`;
  let rel = path.relative(path.dirname(servicePath), p).split(path.sep).join('/');
  if (!rel.startsWith('.')) rel = './' + rel;
  return `import("${rel}")`;
}

const MODULE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.d.ts', '.d.mts', '.d.cts'];

/**
 * A named type in the checker's type of `node` that no other module can name: an interface, class, enum or alias
 * declared in a module without being exported (`interface ResponseWithUser` of lib/insecurity.ts). Written in the
 * service's input type it would not resolve. Looks through unions, intersections, arrays, type arguments and the
 * properties of anonymous object types, a few levels deep.
 */
export function unnameableType(node: Node): string | undefined {
  const seen = new Set<ts.Type>();
  const visit = (t: import('ts-morph').Type, depth: number): string | undefined => {
    if (depth > 4 || seen.has(t.compilerType)) return undefined;
    seen.add(t.compilerType);
    // a type written by its name (alias, interface, class, enum): nameable when exported or global, and then only its
    // type arguments are written besides the name
    const named = t.getAliasSymbol() ?? t.getSymbol();
    // (an enum member's type, `Mode.A`, is written through its enum)
    const first = named?.getDeclarations()[0];
    const decl = first && Node.isEnumMember(first) ? first.getParent() : first;
    if (decl && (Node.isInterfaceDeclaration(decl) || Node.isClassDeclaration(decl) || Node.isEnumDeclaration(decl) || Node.isTypeAliasDeclaration(decl))) {
      const sf = decl.getSourceFile();
      if (!sf.isInNodeModules() && ts.isExternalModule(sf.compilerNode) && !decl.isExported()) return `${decl.getName() ?? named!.getName()} (${path.basename(sf.getFilePath())})`;
      for (const arg of [...t.getTypeArguments(), ...t.getAliasTypeArguments()]) {
        const why = visit(arg, depth + 1);
        if (why) return why;
      }
      return undefined;
    }
    for (const part of [...(t.isUnion() ? t.getUnionTypes() : []), ...(t.isIntersection() ? t.getIntersectionTypes() : [])]) {
      const why = visit(part, depth + 1);
      if (why) return why;
    }
    const element = t.getArrayElementType();
    if (element) return visit(element, depth + 1);
    if (t.isAnonymous() && !t.getCallSignatures().length) {
      for (const prop of t.getProperties().slice(0, 40)) {
        // (a key that is a unique symbol, as sequelize's `string & { [CreationAttributeBrand]?: true }` brand, is
        // written by the symbol's name, which the service cannot import)
        const escaped = prop.compilerSymbol.escapedName as string;
        if (escaped.startsWith('__@')) return `a brand keyed by the symbol \`${escaped.replace(/^__@|@\d+$/g, '')}\``;
        const pd = prop.getValueDeclaration() ?? prop.getDeclarations()[0];
        if (!pd) continue;
        const why = visit(prop.getTypeAtLocation(pd), depth + 1);
        if (why) return why;
      }
    }
    return undefined;
  };
  return visit(node.getType(), 0);
}

/** The handler's new body from the region on: the service call, the success response, domain errors answered. */
export function controllerText(e: Extraction & { method: string }, style: ModuleStyle, instance: string, responder: string, nl: string): string {
  const params = e.site.fn.getParameters().map((p) => p.getName());
  const res = params[answerParamIndex(e.site.framework)];
  const next = params[2];
  const semi = style.semi;
  const u = style.unit;
  const ind = e.indent;
  const arrow = Node.isArrowFunction(e.site.fn);
  const args = e.inputs.length ? `{ ${e.inputs.map((i) => (i.expr === i.name ? i.name : `${i.name}: ${i.expr}`)).join(', ')} }` : '';
  const call = `${instance}.${e.method}(${args})`;
  const used = new Set(e.site.fn.getDescendantsOfKind(SyntaxKind.Identifier).map((i) => i.getText()));
  const errName = ['err', 'error', 'e', 'failure'].find((n) => !used.has(n)) ?? 'domainError';
  const resultName = e.success?.varName ?? (['result', 'value', 'data'].find((n) => !used.has(n)) ?? 'serviceResult');
  // statements writing the success response around `value` (the service's result expression)
  const success = (value: string, declare: boolean): string[] => {
    if (!e.success) return [`${value}${semi}`];
    const t = e.success.template;
    if (e.success.varName) return [declare ? `${style.declKeyword} ${e.success.varName} = ${value}${semi}` : '', t ? `${t}${semi}` : ''].filter(Boolean);
    // the response is touched only once the service has answered (a status or header set before a failure would leak)
    if (/^[\w$]+\.[\w$]+\(\u0000\)$/.test(t) || /^[\w$]+\.locals\.[\w$]+ = \u0000$/.test(t) || t === 'return \u0000' || (!declare && t.includes('\u0000'))) return [`${t.replace('\u0000', value)}${semi}`];
    if (t.includes('\u0000')) return [`${style.declKeyword} ${resultName} = ${value}${semi}`, `${t.replace('\u0000', resultName)}${semi}`];
    return [declare || value !== resultName ? `${value}${semi}` : '', `${t}${semi}`].filter(Boolean);
  };
  const block = (lines: string[], depth: number) => lines.map((l) => ind + u.repeat(depth) + l).join(nl);
  if (e.call === 'then') {
    const okParam = e.success && (e.success.varName || e.success.template.includes('\u0000')) ? resultName : '';
    const okLines = e.success ? success(resultName, false).filter((l) => l !== `${resultName}${semi}`) : [];
    const fnHead = (p: string) => (arrow ? `(${p}) => {` : `function (${p}) {`);
    const out = [call];
    const ep = epilogueOf(e.site);
    const answer = e.errorAnswer;
    // the callback's answer to its error, as written, is the reaction to a failed service call (domain errors first)
    const answered = answer && {
      head: fnHead(answer.param),
      lines: [...(e.errors.length ? [`if (${responder}(${res}, ${answer.param})) return${semi}`] : []), ...answer.lines],
    };
    if (ep) {
      // issue 14 (epilogue.ts): what the callback did after its error line stays here, outside the error path
      const onError = answered || (e.errors.length ? { head: fnHead(errName), lines: [`if (!${responder}(${res}, ${errName})) ${next}(${errName})${semi}`] } : next);
      out.push(...epilogueChain(ep, { head: fnHead(ep.param), lines: okLines }, onError, { u, semi, arrow, errName }));
      return out.map((l, i) => (i === 0 ? l : ind + l)).join(nl);
    }
    if (answered) {
      // (`.then(ok, onError)`: a throw of the success response does not reach the answer, as it did not before)
      out.push(...epilogueChain({ param: okParam, rethrow: answer.rethrow }, { head: fnHead(okParam), lines: okLines }, answered, { u, semi, arrow, errName }));
      return out.map((l, i) => (i === 0 ? l : ind + l)).join(nl);
    }
    if (okLines.length) out.push(`${u}.then(${fnHead(okParam)}`, ...okLines.map((l) => `${u}${u}${l}`), `${u}})`);
    if (e.chainCatch) {
      // the chain's own catch stays as written; domain errors the service threw are answered first
      if (e.chainCatch.returned) out[0] = `return ${out[0]}`;
      if (e.chainCatch.unhandled) {
        // (a chain that had no catch: domain errors answered, anything else thrown again, unhandled as before; no
        // catch at all when there is no domain error)
        if (e.errors.length) out.push(`${u}.catch(${fnHead(errName)}`, `${u}${u}if (!${responder}(${res}, ${errName})) throw ${errName}${semi}`, `${u}})${semi}`);
        else out[out.length - 1] += semi;
      } else out.push(`${u}.catch(${e.errors.length ? e.chainCatch.guarded : e.chainCatch.text})${semi}`);
      if (e.syncErrors) {
        // the answers before the chain are domain errors the (synchronous) service throws before returning it
        return ['try {', ...out.map((l) => ind + u + l.split('\n').join('\n' + u)), `${ind}} catch (${errName}) {`, `${ind}${u}if (!${responder}(${res}, ${errName})) throw ${errName}${semi}`, `${ind}}`].join(nl);
      }
      return out.map((l, i) => (i === 0 ? l : ind + l)).join(nl);
    }
    if (e.errors.length) {
      out.push(`${u}.catch(${fnHead(errName)}`, `${u}${u}if (!${responder}(${res}, ${errName})) ${next}(${errName})${semi}`, `${u}})${semi}`);
    } else {
      out.push(`${u}.catch(${next})${semi}`);
    }
    return out.map((l, i) => (i === 0 ? l : ind + l)).join(nl);
  }
  const value = e.call === 'await' ? `await ${call}` : call;
  // (a framework's success may be several statements: Koa's `ctx.status = 201` and `ctx.body = result`)
  // (flashed failures answered around the service call, anything else rethrown to what follows: flash-answer.ts; its
  // catch is inside the try of any outer catch, so the same free name serves both)
  const lines = flashWrap(e, success(value, true).flatMap((l) => l.split('\n')), errName, u, semi);
  const mapped = e.errors.some((x) => x.form !== 'flash');
  // the tail try's own catch, kept as written around the call and the success response (domain errors answered first)
  if (e.keptCatch) return ['try {', block(lines, 1), `${ind}} ${mapped ? e.keptCatch.guarded : e.keptCatch.text}`].join(nl);
  if (e.catchInsert || (!mapped && !e.forwardsToNext)) return lines.map((l, i) => (i === 0 ? l : ind + l)).join(nl);
  return [
    'try {',
    block(lines, 1),
    `${ind}} catch (${errName}) {`,
    ...(e.forwardsToNext
      ? [mapped ? `${ind}${u}if (!${responder}(${res}, ${errName})) ${next}(${errName})${semi}` : `${ind}${u}${next}(${errName})${semi}`]
      : e.answerReturns
      ? [`${ind}${u}if (${responder}(${res}, ${errName})) return ${res}${semi}`, `${ind}${u}throw ${errName}${semi}`]
      : [`${ind}${u}if (!${responder}(${res}, ${errName})) throw ${errName}${semi}`]),
    `${ind}}`,
  ].join(nl);
}

/** The named type of a request part (`CreateUserBody` for req.body) whose fields are exactly the method's inputs. */
export function dtoFor(e: Extraction): { name: string; decl: Node } | undefined {
  const reqParam = e.site.fn.getParameters()[0];
  if (!reqParam || !e.inputs.length) return undefined;
  const reqType = reqParam.getType();
  for (const part of ['body', 'params', 'query']) {
    const prop = reqType.getProperty(part);
    if (!prop) continue;
    const t = prop.getTypeAtLocation(reqParam);
    const sym = t.getAliasSymbol() ?? t.getSymbol();
    const decl = sym?.getDeclarations()[0];
    if (!sym || !decl || decl.getSourceFile().isInNodeModules() || decl.getSourceFile().isDeclarationFile()) continue;
    if (!/^[A-Za-z_$][\w$]*$/.test(sym.getName()) || sym.getName() === '__type' || sym.getName() === '__object') continue;
    const names = t.getProperties().map((p) => p.getName());
    if (names.length !== e.inputs.length || !e.inputs.every((i) => names.includes(i.name))) continue;
    const fits = e.inputs.every((i) => {
      const want = t.getPropertyOrThrow(i.name).getTypeAtLocation(reqParam);
      const have = i.typeNode.getType();
      return have.getText() === want.getText() || have.isAssignableTo(want);
    });
    if (fits) return { name: sym.getName(), decl };
  }
  return undefined;
}
