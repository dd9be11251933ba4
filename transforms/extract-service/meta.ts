/** Options and metadata of extract-service (declared reasons; the user docs are README.md beside it). */
import { z } from 'zod';
import { defineMeta } from '../../src/types.js';
import { mayHaveRoutes } from './routes.js';

export const meta = defineMeta({
  name: 'extract-service',
  description: 'moves the business logic of fat route handlers (Express, Koa, Fastify) into a service module; handlers keep request reading, one service call and the response',
  engine: 'project',
  reasons: {
    'unresolved-import': 'the logic uses a package that is not installed, so the service module would not type-check',
    'error-first-callback': 'an error-first callback that cannot be turned into a promise with the same behaviour (it may throw, or names are taken)',
    // issue 14: error-first callbacks (callbacks.ts)
    'callback-not-proven': 'the API taking the error-first callback is not proven to call it once with the error first (types, Node API table or the project function)',
    'error-answer-in-callback': 'the error-first callback answers its error itself (`if (err) return res.send(500)`) instead of handing it to next; the controller keeps no such answer yet',
    'callback-in-nested-function': 'the error-first call is inside a nested function that is not the handler (such as a .then callback), where await cannot go',
    'callback-may-throw': 'code of the error-first callback that would move into the service may throw: uncaught in the callback today, it would reach next(err) (--callback-throws-to-next)',
    'module-location': 'the logic uses __dirname, __filename, import.meta or a relative require: from the service\'s folder they would name another place',
    'chain-may-throw': 'an async handler (Express 4) ends in a promise chain: a throw before it was an unhandled rejection, from the service it would reach the chain\'s catch (--throws-to-next)',
    'try-forwards-to-next': 'a try whose catch hands errors to next, in an async handler without a final catch: a throw of the logic outside the try was an unhandled rejection; from the service it would reach next (--throws-to-next)',
    'dynamic-route-options': 'route({...}) whose method, url or handler is not written literally',
    'mounted-twice': 'the router is mounted in more than one place',
    'unresolved-mount': 'the router is mounted through an expression the app model cannot follow',
    'unknown-factory-result': 'the handler is made by a factory whose returned function is not statically known',
    'dynamic-method': 'the route method is computed (app[method](...))',
    'shared-handler': 'the same handler function serves an earlier route; it is handled once, there',
    'service-exists': 'a service module of that name exists in a form extract-service cannot add methods to',
    'module-format-differs': 'the service or errors module would sit under a package.json whose "type" gives it another module format than the router\'s, in which the router\'s syntax does not run',
    'name-clash': 'the router module already uses a name the extraction needs (the service instance, class or sendDomainError)',
    'already-thin': 'the handler is already thin (at most one call besides the response)',
    'one-response-call': 'the handler is one call of the response or of next (a file sent, res.format, next on process.nextTick) whose arguments only build the answer: nothing to move',
    'catch-without-variable': 'the final catch clause does not name the error',
    'closure-state': 'the logic uses a variable of an enclosing function that is assigned after its declaration',
    'ctx-throw': 'the logic answers with ctx.throw',
    'destructured-parameters': 'the handler destructures its parameters',
    'dynamic-path': 'the route path is computed at run time',
    'dynamic-status': 'the status of a response is computed by the logic',
    'error-body-shape': 'the error response has an unusual form',
    'error-middleware': 'four-parameter error middleware is not a route handler',
    'error-module-exists': 'the error module exists and was not written by extract-service',
    'error-response-headers': 'an error response sets headers or other options besides its status',
    'error-shape-differs': 'the handler answers an error with another body than other handlers',
    'exported-dependency': 'the logic uses a declaration the router module exports',
    'expression-body': 'the handler is a single expression',
    'external-handler': 'the handler is not in the files being transformed',
    extracted: 'the handler logic was extracted to a service method (a note, not a skip)',
    'generator-handler': 'generator handlers are left alone',
    'middleware-kept': 'middleware of a route stays as it is; only the final handler moves (a note)',
    'mounted-with-use': 'a function mounted with `use` runs for every method and path below its prefix; only route handlers move (a note)',
    'input-type-not-exported': 'an input of the service has a type that is not exported where it is declared, so the service cannot name it',
    'merged-declaration': 'the logic uses a name the router module declares more than once (a function or class merged with a namespace, an interface or an enum), whose declarations cannot move apart',
    'mixed-module-formats': 'the app mixes module formats (CommonJS and ES modules, .js and .mjs); the one errors module takes the format of most router modules, so handlers with error responses in a module of another are left alone',
    'mixed-frameworks': 'the app mixes web frameworks; the one error mapping answers through the first, so handlers of another with error responses are left alone',
    'varying-error-exit': 'a Fastify handler returns the reply on some error paths and not on others',
    'hand-off-may-be-undefined': 'a path hands on (res.locals + next()) a value that may be undefined while another path hands nothing on',
    'handler-local-function': 'the logic calls a function or uses a class declared in the handler',
    'helper-shared-between-services': 'the logic uses a helper that moves to another service',
    'module-side-effect': 'the logic depends on a module-level statement that is not a declaration',
    'next-in-logic': 'the logic calls `next` itself',
    'status-then-throw': 'the logic sets an error status and throws for the error middleware in a way the service cannot take over',
    'no-logic': 'the handler only reads the request',
    'no-response-in-logic': 'no response is written by the logic',
    'no-type-info': 'the module is not part of a checked program here (a JavaScript file in a project without allowJs?)',
    'path-without-response': 'a path of the logic returns without answering the request',
    'request-read-aliased': 'a request object read by the logic is also used as a whole, so a field of it may change before the logic reads it',
    'request-in-logic': 'the logic uses the request object beyond plain reads',
    'res-locals': '`res.locals` is used by the logic',
    'res-passed-to-helper': 'the response object is passed to another function',
    'response-in-callback': 'the response (or next) is written inside a callback',
    'response-inside-try': 'a response is written inside a try block of the logic',
    'response-not-in-tail': 'a returned value uses the response',
    'returns-value': 'the handler returns a value that is not a response',
    'router-dependency': 'the logic uses the router module itself',
    'service-name-clash': 'the service module already declares the name differently',
    'session-mutation': 'the logic uses the session',
    'shared-local': 'a local is used both by the logic and by code that stays in the handler',
    'kept-value-assigned': 'a value declared before the final try (kept in the controller) is assigned somewhere in the handler: the service would change a copy of it',
    'narrowed-before-try': 'a value checked before the final try (kept in the controller) would lose what the check proved of its type in the service',
    'shared-mutable-state': 'module-level state is reassigned by the logic',
    'spread-arguments': 'the route is registered with spread arguments',
    'streaming-response': 'the response is streamed or written piecemeal (write)',
    'success-response-needs-logic-values': 'the success response (status, headers) uses values the logic computes besides its body',
    'success-response-shape': 'the success response is written with another method than json/send/status',
    'success-response-uses-changed-input': 'the success response uses a value the logic changes',
    summary: 'counts of extracted and skipped handlers (a note)',
    'type-errors-in-logic': 'the logic has a type error already',
    'unmapped-error-status': 'no domain error stands for the status of an error response',
    'unresolved-handler-expression': 'the route handler could not be resolved to a function',
    'uses-this': 'the logic uses `this`',
    'varying-success-response': 'the success responses differ in status, headers or form',
    'reloaded-by-tests': "the app's tests load the router module afresh with its imports replaced, which a service module's imports would escape",
    'flash-answers-differ': 'the logic answers failures with flash messages and redirects that differ in more than their message',
  },
  version: '1',
  options: z.object({
    serviceDir: z
      .string()
      .default('')
      .describe('folder for the services, relative to the working directory (default: services/ beside the routes folder)'),
    style: z.enum(['class', 'functions']).default('class').describe('a service class instantiated once per router module, or exported functions'),
    // issue 14 (callbacks.ts)
    callbackThrowsToNext: z
      .boolean()
      .default(false)
      .describe('also convert error-first callbacks whose moved code may throw: such a throw, uncaught in the callback before (a crash), reaches next(err) from the service'),
    throwsToNext: z
      .boolean()
      .default(false)
      .describe('in async Express 4 handlers, accept that a throw the handler left unhandled (a crash before) reaches next(err): `next(new Error(…))` becomes a throw in the service and a try whose catch forwards to next is unwrapped, the controller handing errors to next; implies --callback-throws-to-next'),
  }),
  prefilter: (source) => mayHaveRoutes(source),
});

export type Options = z.infer<NonNullable<typeof meta.options>>;
