import { z } from 'zod';
import { withTraverse } from '../../src/ast.js';
import { defineMeta, type FileTransformContext } from '../../src/types.js';
import { targetOption, withTarget } from '../../src/target.js';
import { convert } from './convert.js';

export const meta = defineMeta({
  name: 'callback-to-async',
  description: 'Node-style callbacks of fs, dns, zlib, child_process and promisified functions → await, where the caller can be async',
  engine: 'file',
  reasons: {
    'args-may-throw': 'an argument may throw or be rejected, which went to next(err) through Express and would reach the error branch',
    'caller-not-async': 'the enclosing function is neither async nor an Express handler; making it async would change what its callers get',
    'code-after-call': 'code after the call ran before the callback and would run after it',
    comments: 'a comment in the callback\'s head or error check would be lost',
    'err-used-after-check': 'the error variable is used after the error check',
    'maybe-fd': 'the first argument may be a file descriptor, which the promise form does not accept',
    'maybe-sync-callback': 'a function of the file may call back synchronously, so making the handler async could change where a throw goes',
    'name-collision': 'a result name of the callback would clash with a name of the enclosing function',
    'no-error-check': 'the callback does not start with `if (err)`',
    'no-module-binding': 'no binding of fs or fs/promises in the file to reach the promise form through',
    'no-promise-form': 'the API has no promise form with the same behaviour (an event-style API whose listener runs many times, for example)',
    'no-promisify': 'the promise form is util.promisify(fn), and the file has no util or promisify binding',
    'result-used': 'its return value is used',
    'result-used-in-error-branch': 'the error branch reads a result of the callback',
    'results-on-error': 'the error branch falls through, and the callback may get results even on error',
    'returns-value': 'a `return value` in the callback would become the async function\'s result',
    'this-or-arguments': 'the function callback uses this/arguments, which would then mean the enclosing function\'s',
    'throw-before-call': 'code before it in the handler may throw, which Express routes to next(err) but an async handler leaves unhandled',
    'top-level': 'at the top level of the file (a top-level await would hold up every importer)',
    'unexpected-params': 'the arguments do not match the promise form (an options argument, or more callback results than it gives)',
    'unsupported-position': 'the call is not a statement of a function body where it can be awaited',
    'unsupported-shape': 'the callback is async, a generator or has an expression body',
  },
  version: '1',
  options: z.object({
    target: targetOption(),
    assumeExpress: z
      .boolean()
      .default(false)
      .describe('treat (req, res[, next]) functions passed to app/router.get/use/… as Express 4 handlers even in files that do not import express'),
  }),
  prefilter: (source) => /\b(fs|dns|zlib|child_process|promisify)\b/.test(source),
});

export type Options = z.infer<NonNullable<typeof meta.options>>;

const callbackToAsyncUntargeted = (ctx: FileTransformContext<Options>): Promise<string | undefined> => withTraverse((traverse) => convert(ctx, traverse));

/** The target (--target, else engines.node) must run async-await: else the file stays as it is, reason `target`. */
export default withTarget('async-await', callbackToAsyncUntargeted);
