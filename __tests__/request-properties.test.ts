import { Project } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { findRequestProperties } from '../src/app-model/request-properties.js';

function propertiesOf(files: Record<string, string>): string[] {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { allowJs: true } });
  const sfs = Object.entries(files).map(([name, text]) => project.createSourceFile(name, text));
  return [...findRequestProperties(sfs).keys()].sort();
}

describe('findRequestProperties', () => {
  it('finds what the app sets on a request parameter and what it names for express-jwt', () => {
    const names = propertiesOf({
      '/app/auth.js': "var jwt = require('express-jwt');\nexports.required = jwt({ secret: 's', userProperty: 'payload' });\n",
      '/app/routes.js': [
        "router.param('article', function (req, res, next, slug) { req.article = slug; next(); });",
        'function load(request, res, next) { request.account = { id: 1 }; next(); }',
        'function tsStyle(incoming: Request, res: Response, done: () => void) { incoming.tenant = 1; done(); }',
      ].join('\n'),
    });
    expect(names).toEqual(['account', 'article', 'payload', 'tenant']);
  });

  it('counts a value set before the middleware hands on, in a callback too, never one that may change later', () => {
    const names = propertiesOf({
      '/app/m.js': [
        // set in the loader's callback, then handed on: the handler finds it there
        "router.param('comment', function (req, res, next, id) { Comment.findById(id).then(function (c) { req.comment = c; return next(); }).catch(next); });",
        // set again after next(): the handler may read either value
        "app.use(function stamp(req, res, next) { req.stage = 'before'; next(); req.stage = 'after'; });",
        // handed on first on some paths: the handler may have run before the value was set
        "app.use(function tagger(req, res, next) { if (req.query.fast) next(); req.tag = 'late'; if (!req.query.fast) next(); });",
        // a timer's callback, which never hands on, changes it while the handler runs
        'app.use(function (req, res, next) { req.cancelled = false; setTimeout(function () { req.cancelled = true; }, 50); next(); });',
        // set by a handler that answers and never hands on
        'app.get("/x", function (req, res) { req.answered = true; res.end(); });',
      ].join('\n'),
    });
    expect(names).toEqual(['comment']);
  });

  it('never counts the request API, session or login state, nor writes to other objects', () => {
    const names = propertiesOf({
      '/app/m.js': [
        'function m(req, res, next) { req.url = "/x"; req.body = {}; req.user = 1; req.session = null; next(); }',
        'function other(res, req) { req.notFirst = 1; }',
        'function plain(options) { options.payload = 1; }',
        'var cfg = { userProperty: someName };',
      ].join('\n'),
    });
    expect(names).toEqual([]);
  });
});
