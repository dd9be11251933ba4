// Test-only (loaded with `node --import`, never by remodel itself): wraps every built-in transform module so that
// it hangs on a file containing `remodel-test-hang` (a synchronous endless loop) or `remodel-test-never` (a promise
// that never settles), and otherwise does what the built-in does. Registered in each thread that inherits
// NODE_OPTIONS, the CLI's workers included. The endless loop waits 20 ms per turn (Atomics.wait blocks the thread
// as synchronously as a busy loop, but leaves the core to the files that are still being transformed: a spinning
// loop burned a core for the whole --timeout).
import { register } from 'node:module';

const hooks = `
export async function load(url, context, next) {
  if (/\\/transforms\\/[\\w-]+(\\/index)?\\.js$/.test(url) && !url.includes('?')) {
    const real = JSON.stringify(url + '?real');
    return {
      format: 'module',
      shortCircuit: true,
      source: \`import real from \${real};
export * from \${real};
export default function hangOnMarker(ctx, ...rest) {
  if (typeof ctx?.source === 'string' && ctx.source.includes('remodel-test-hang')) for (const cell = new Int32Array(new SharedArrayBuffer(4)); ; ) Atomics.wait(cell, 0, 0, 20);
  if (typeof ctx?.source === 'string' && ctx.source.includes('remodel-test-never')) return new Promise(() => {});
  return real(ctx, ...rest);
}\`,
    };
  }
  return next(url, context);
}`;

register(`data:text/javascript,${encodeURIComponent(hooks)}`);
