import { Project } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { findLateLocals, findRequestProperties } from '../src/app-model/request-properties.js';

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

function lateLocalsOf(files: Record<string, string>): string[] {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { allowJs: true } });
  const sfs = Object.entries(files).map(([name, text]) => project.createSourceFile(name, text));
  return [...findLateLocals(sfs)].sort();
}

describe('findLateLocals', () => {
  it('counts a field of res.locals middleware sets before it hands on as steady, and one set later as late', () => {
    const late = lateLocalsOf({
      '/app/m.js': [
        "app.use(function session(req, res, next) { res.locals.userId = req.get('x-user'); next(); });",
        "app.use(function (req, res, next) { User.find().then(function (u) { res.locals.user = u; next(); }); });",
        "app.use(function stamp(req, res, next) { next(); res.locals.stage = 'after'; });",
        'app.use(function (req, res, next) { setTimeout(function () { res.locals.cancelled = true; }, 50); next(); });',
        // a handler's own writes are its own extraction's business
        "app.get('/x', function (req, res) { res.locals.title = 'x'; res.render('x'); });",
      ].join('\n'),
    });
    expect(late).toEqual(['cancelled', 'stage']);
  });

  it('counts every field late once middleware replaces res.locals late, holds it or hands it or the response on later', () => {
    expect(lateLocalsOf({ '/app/a.js': 'app.use(function (req, res, next) { res.locals = { a: 1 }; next(); });' })).toEqual([]);
    expect(lateLocalsOf({ '/app/a.js': 'app.use(function (req, res, next) { next(); res.locals = { a: 1 }; });' })).toEqual(['*']);
    expect(lateLocalsOf({ '/app/a.js': 'app.use(function (req, res, next) { next(); Object.assign(res.locals, { a: 1 }); });' })).toEqual(['*']);
    expect(lateLocalsOf({ '/app/a.js': 'app.use(function (req, res, next) { const l = res.locals; next(); l.a = 1; });' })).toEqual(['*']);
    expect(lateLocalsOf({ '/app/a.js': 'app.use(function (req, res, next) { const r = res; next(); r.locals.a = 1; });' })).toEqual(['*']);
    expect(lateLocalsOf({ '/app/a.js': 'app.use(function (req, res, next) { next(); decorate(res); });' })).toEqual(['*']);
    expect(lateLocalsOf({ '/app/a.js': 'app.use(function (req, res, next) { decorate(res); next(); });' })).toEqual([]);
  });
});
