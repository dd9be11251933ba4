import { z } from 'zod';
import { withTraverse } from '../../src/ast.js';
import { defineMeta, type FileTransformContext } from '../../src/types.js';
import { targetOption, withTarget } from '../../src/target.js';
import { convert } from './convert.js';

export const meta = defineMeta({
  name: 'promise-to-async',
  description: 'returned .then/.catch/.finally chains → async function with await and try/catch/finally, only where behaviour is kept',
  engine: 'file',
  reasons: {
    'callback-reference': 'a callback passed by name is not a function declared in this file or imported',
    'cannot-be-async': 'a constructor cannot be async',
    comments: 'a comment in the chain could not be placed in the converted code',
    'early-return': 'a callback returns before its end, and its value flows into a later step',
    'floating-promise': 'promise chain not returned or awaited: converting it would make the caller wait for it',
    'mixed-returns': 'the function also returns elsewhere; as an async function that path would return a promise',
    'multiline-template': 're-indenting would change a multi-line string or template literal',
    'name-clash': 'two callbacks declare the same name, which would share one scope',
    'non-standard-promise': 'the file uses a promise library (or its own Promise); an async function would return a native Promise instead',
    'return-type': 'the declared return type is not Promise<…>, which an async function must return',
    'statement-boundary': 'a moved statement would continue the line before it (no semicolon separates them), changing what the code means',
    'sync-head': 'the call at the head of the chain may throw synchronously, and the converted function would reject instead (--assume-rejecting-heads to convert)',
    'sync-throw': 'code before the returned chain may throw, and in an async function the throw would become a rejection',
    'this-binding': 'a callback uses this/arguments, which would mean the enclosing function\'s',
    'two-arg-then': '`.then(onFulfilled, onRejected)`: onRejected does not handle errors thrown by onFulfilled',
    'unsupported-callback': 'the callback has a form that cannot be inlined (await used as a name, for example)',
  },
  version: '1',
  options: z.object({
    target: targetOption(),
    assumeRejectingHeads: z
      .boolean()
      .default(false)
      .describe('also convert chains whose head is a call, assuming it reports failure by rejecting rather than throwing synchronously'),
  }),
  prefilter: (source) => /\.\s*(?:then|catch|finally)\b/.test(source),
});

export type Options = z.infer<NonNullable<typeof meta.options>>;

const promiseToAsyncUntargeted = (ctx: FileTransformContext<Options>): Promise<string | undefined> => withTraverse((traverse) => convert(ctx, traverse));

/** The target (--target, else engines.node) must run async-await: else the file stays as it is, reason `target`. */
export default withTarget('async-await', promiseToAsyncUntargeted);
