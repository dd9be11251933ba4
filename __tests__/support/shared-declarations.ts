/**
 * vitest setup: declaration files that never change (TypeScript's lib files, which ts-morph serves from memory, and
 * the .d.ts files under node_modules such as @types/node and @types/express) are parsed once per test worker and
 * shared by every ts-morph project the tests create, instead of once per project: a fixture case loads two or three
 * projects, each of which would otherwise parse lib.dom.d.ts and the rest again.
 *
 * Sharing parsed source files between programs is what TypeScript's own document registry does between language
 * services (a parsed file holds no per-program state: the type checker keeps its own), under the key it uses for
 * that: the file, its exact text, its script kind and the compiler options that affect parsing and binding
 * (`getKeyForCompilationSettings`). ts-morph gives each project a registry of its own, so its class is wrapped
 * here, once per worker; source files outside node_modules are never shared. Tests only: a CLI run loads one
 * project.
 */
import { createRequire } from 'node:module';
import { ts } from 'ts-morph';

type Acquire = (fileName: string, settings: ts.CompilerOptions, snapshot: ts.IScriptSnapshot, version: string, kind?: ts.ScriptKind) => ts.SourceFile;
type CreateOrUpdate = (fileName: string, settings: ts.CompilerOptions, snapshot: ts.IScriptSnapshot, kind?: ts.ScriptKind) => ts.SourceFile;
interface RegistryPrototype {
  acquireDocument: Acquire;
  createOrUpdateSourceFile: CreateOrUpdate;
}

const installed = Symbol.for('remodel.tests.sharedDeclarations');
const global = globalThis as { [installed]?: boolean };

if (!global[installed]) {
  global[installed] = true;
  // The @ts-morph/common that ts-morph itself loads (resolved from ts-morph's folder: one module instance).
  const requireFromTsMorph = createRequire(createRequire(import.meta.url).resolve('ts-morph'));
  const { DocumentRegistry } = requireFromTsMorph('@ts-morph/common') as { DocumentRegistry: { prototype: RegistryPrototype } };
  const proto = DocumentRegistry.prototype;
  const keys = ts.createDocumentRegistry();
  const parsed = new Map<string, ts.SourceFile>();
  const shareable = (fileName: string) => fileName.includes('/node_modules/') && /\.d\.[cm]?ts$/.test(fileName);
  const keyOf = (fileName: string, settings: ts.CompilerOptions, kind?: ts.ScriptKind) =>
    `${fileName}\0${keys.getKeyForCompilationSettings(settings)}\0${kind ?? ''}`;
  const known = (key: string, snapshot: ts.IScriptSnapshot) => {
    const sf = parsed.get(key);
    return sf && sf.text === snapshot.getText(0, snapshot.getLength()) ? sf : undefined;
  };
  const createOrUpdate = proto.createOrUpdateSourceFile;
  proto.createOrUpdateSourceFile = function (fileName, settings, snapshot, kind) {
    if (!shareable(fileName)) return createOrUpdate.call(this, fileName, settings, snapshot, kind);
    const key = keyOf(fileName, settings, kind);
    const sf = known(key, snapshot) ?? createOrUpdate.call(this, fileName, settings, snapshot, kind);
    parsed.set(key, sf);
    return sf;
  };
  const acquire = proto.acquireDocument;
  proto.acquireDocument = function (fileName, settings, snapshot, version, kind) {
    if (!shareable(fileName)) return acquire.call(this, fileName, settings, snapshot, version, kind);
    const key = keyOf(fileName, settings, kind);
    const cached = known(key, snapshot);
    if (cached && (cached as ts.SourceFile & { version?: string }).version === version) return cached;
    const sf = acquire.call(this, fileName, settings, snapshot, version, kind);
    parsed.set(key, sf);
    return sf;
  };
}
