import { describe, expect, it } from 'vitest';
import { eolOf, indentUnit, reindent } from '../src/text/lines.js';

describe('src/text/lines', () => {
  it('indentUnit: the most used step, not the smallest indentation (text inside a template does not decide it)', () => {
    const source = 'const q = `\n  SELECT 1`;\nfunction f() {\n    if (a) {\n        g();\n    }\n}\n';
    expect(indentUnit(source)).toBe('    ');
    expect(indentUnit('function f() {\n\treturn 1;\n}\n')).toBe('\t');
    expect(indentUnit('f();\n')).toBe('  ');
  });

  it('eolOf: the line ending most lines use', () => {
    expect(eolOf('a\r\nb\r\nc\n')).toBe('\r\n');
    expect(eolOf('a\nb\nc\r\n')).toBe('\n');
    expect(eolOf('one line')).toBe('\n');
  });

  it('reindent: every line after the first, except the ones to keep', () => {
    const text = 'a(\n    b,\n    `x\n    y`)';
    const keep = (start: number) => start === text.indexOf('    y');
    expect(reindent(text, 2, '', keep)).toBe('a(\n  b,\n  `x\n    y`)');
    expect(reindent(text, 4, '\t')).toBe('a(\n\tb,\n\t`x\n\ty`)');
  });
});
