// ESLint for remodel's own code (flat config, typescript-eslint). Fixture trees and example apps are inputs and
// outputs of transforms, not this project's code: they keep their own style and are never linted here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    // Scratch folders .gitignore names (.tmp-*, bench output) are never the project's code either.
    ignores: ['dist/', 'node_modules/', '__testfixtures__/', 'examples/', 'bench/corpus/', 'coverage/', '__tests__/support/jscodeshift/inputs/', '.tmp-*/', '.bench-out/', '.bench-corpus/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // AST and JSON boundaries (Babel, jscodeshift, ts-morph internals) are typed `any` on purpose.
      '@typescript-eslint/no-explicit-any': 'off',
      // Terminal and escape handling matches control characters deliberately.
      'no-control-regex': 'off',
      // CommonJS modules (jscodeshift and its parsers) are loaded through createRequire on purpose.
      '@typescript-eslint/no-require-imports': 'off',
      // `let x = fallback; try { x = … } catch {}` is the house pattern for optional reads.
      'no-useless-assignment': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
);
