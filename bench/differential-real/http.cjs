'use strict';
// Shared by the probes: one request over node:http with a fixed Host header (so Location/Link headers do not carry
// the port), a cookie jar per case, and the normalisation that makes two copies of an app comparable: the copy's
// own folder becomes <root>, stack frames are dropped (line numbers move when a file is rewritten), per-run random
// session ids become a placeholder. Everything else is compared as sent.
const http = require('node:http');

const IGNORED_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

const STACK_FRAME = /(\n|<br>)(\s|&nbsp;)*at [^\n]*?(?=\n|<br>|<\/pre>|$)/g;

function normalizer(root) {
  const esc = root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const rootRe = new RegExp(esc, 'g');
  return (text) =>
    String(text)
      // stack frames, plain (err.stack) and as express's HTML error page writes them
      .replace(STACK_FRAME, '')
      .replace(rootRe, '<root>')
      // express-session ids (s%3A<id>.<signature>): random per run
      .replace(/s%3A[A-Za-z0-9_-]{32}\.[A-Za-z0-9%/+=_-]+/g, '<sid>');
}

// jar: { name: value } carried from Set-Cookie to the next requests of the same case
function send(port, step, jar, norm) {
  return new Promise((resolve) => {
    const headers = { host: 'app.test', ...(step.headers || {}) };
    let body;
    if (step.raw !== undefined) {
      body = Buffer.from(step.raw);
      headers['content-type'] = headers['content-type'] || 'application/json';
    } else if (step.form !== undefined) {
      body = Buffer.from(new URLSearchParams(step.form).toString());
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (step.body !== undefined) {
      body = Buffer.from(JSON.stringify(step.body));
      headers['content-type'] = 'application/json';
    }
    if (body) headers['content-length'] = String(body.length);
    const cookies = Object.entries(jar).map(([k, v]) => `${k}=${v}`);
    if (cookies.length) headers.cookie = cookies.join('; ');
    const req = http.request({ host: '127.0.0.1', port, method: step.method || 'GET', path: step.path, headers, timeout: 5000 }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const out = {};
        for (const [k, v] of Object.entries(res.headers)) if (!IGNORED_HEADERS.has(k)) out[k] = norm(Array.isArray(v) ? v.join('\n') : v);
        // a cookie's Expires is computed from the clock (maxAge): only whether it is there is compared
        if (out['set-cookie'])
          out['set-cookie'] = out['set-cookie'].replace(/Expires=(?!Thu, 01 Jan 1970)[^;\n]+/g, 'Expires=<now + Max-Age>');
        for (const c of [].concat(res.headers['set-cookie'] || [])) {
          const [pair] = c.split(';');
          const i = pair.indexOf('=');
          const name = pair.slice(0, i).trim();
          const value = pair.slice(i + 1);
          if (/expires=Thu, 01 Jan 1970/i.test(c) || value === '') delete jar[name];
          else jar[name] = value;
        }
        const buf = Buffer.concat(chunks);
        const text =
          /^(text|application\/(json|javascript|xml))/.test(res.headers['content-type'] || '') || !res.headers['content-type']
            ? buf.toString('utf8')
            : 'base64:' + buf.toString('base64');
        // a body that carries stack frames: its length and etag depend on line numbers, not compared
        if (STACK_FRAME.test(text)) for (const h of ['content-length', 'etag']) if (out[h]) out[h] = '(depends on stack frames)';
        STACK_FRAME.lastIndex = 0;
        resolve({ status: res.statusCode, headers: out, body: norm(text) });
      });
      res.on('error', (e) => resolve({ error: 'response: ' + e.message }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ error: 'request: ' + e.message }));
    req.end(body);
  });
}

function describe(step) {
  const extra =
    step.raw !== undefined
      ? ' raw ' + JSON.stringify(step.raw)
      : step.form !== undefined
        ? ' form ' + JSON.stringify(step.form)
        : step.body !== undefined
          ? ' ' + JSON.stringify(step.body)
          : '';
  const hdr = step.headers ? ' ' + JSON.stringify(step.headers) : '';
  return `${step.method || 'GET'} ${step.path}${extra}${hdr}`;
}

module.exports = { send, describe, normalizer, STACK_FRAME };
