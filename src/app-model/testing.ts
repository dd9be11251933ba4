import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../engine/project-engine.js';
import { readTree } from '../fixtures.js';
import { buildAppModel } from './build.js';
import { toJSON } from './json.js';
import type { AppModelJson } from './types.js';

const SOURCE = /\.(c|m)?[jt]sx?$/;

/** Builds the model of a folder the way `remodel` loads a project: its JS/TS files, its tsconfig if it has one. */
export function appModelJsonOf(root: string): AppModelJson {
  const files = [...readTree(root).keys()].filter((f) => SOURCE.test(f) && !f.endsWith('.d.ts') && !f.includes('node_modules/')).map((f) => path.join(root, f));
  const project = loadProject(root, files);
  return toJSON(buildAppModel(project, { root, files }));
}

/**
 * Fixture tests of the app model: each `<dir>/<case>/input/**` tree is copied to a temporary folder, its model is
 * built and its JSON compared exactly with `<case>/expected.json` (UPDATE_FIXTURES=1 writes it). Also checked: a
 * second build gives the same JSON, and no absolute path leaks into it.
 */
export function defineAppModelFixtureTests(dir = path.join(process.cwd(), '__testfixtures__', 'app-model')): string[] {
  const cases = fs.existsSync(dir) ? fs.readdirSync(dir).filter((c) => fs.existsSync(path.join(dir, c, 'input'))).sort() : [];
  const update = process.env.UPDATE_FIXTURES === '1';
  describe('app-model fixtures', () => {
    it('has fixture cases', () => {
      expect(cases.length, `no fixture cases in ${dir}`).toBeGreaterThan(0);
    });
    for (const name of cases) {
      it(name, () => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), 'remodel-app-model-'));
        try {
          for (const [rel, text] of readTree(path.join(dir, name, 'input'))) {
            fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
            fs.writeFileSync(path.join(root, rel), text);
          }
          const json = appModelJsonOf(root);
          const text = JSON.stringify(json, null, 2) + '\n';
          expect(text).not.toContain(root);
          expect(JSON.stringify(appModelJsonOf(root))).toBe(JSON.stringify(json));
          const expectedFile = path.join(dir, name, 'expected.json');
          if (update) {
            fs.writeFileSync(expectedFile, text);
            return;
          }
          expect(fs.existsSync(expectedFile), `${expectedFile} is missing (UPDATE_FIXTURES=1 writes it)`).toBe(true);
          expect(JSON.parse(text)).toEqual(JSON.parse(fs.readFileSync(expectedFile, 'utf8')));
        } finally {
          fs.rmSync(root, { recursive: true, force: true });
        }
      });
    }
  });
  return cases;
}
