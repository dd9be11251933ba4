// Minimal stand-in for koa and @koa/router types (the fixture runs outside the repository's node_modules).
declare module 'koa' {
  interface ParsedUrlQuery {
    [key: string]: string | string[] | undefined;
  }
  namespace Koa {
    interface Request {
      body?: unknown;
      query: ParsedUrlQuery;
    }
    interface BaseContext {
      request: Request;
      query: ParsedUrlQuery;
      status: number;
      body: unknown;
      throw(status: number, message?: string): never;
    }
    type ParameterizedContext<StateT = {}, CustomT = {}> = BaseContext & CustomT & { state: StateT };
    type Next = () => Promise<unknown>;
  }
  class Koa {
    use(middleware: unknown): this;
    listen(port: number): unknown;
  }
  export = Koa;
}

declare module '@koa/router' {
  import type { ParameterizedContext, Next } from 'koa';
  namespace Router {
    interface RouterParamContext {
      params: Record<string, string>;
    }
    type RouterContext<StateT = {}, CustomT = {}> = ParameterizedContext<StateT, CustomT & RouterParamContext>;
    type Middleware<StateT = {}, CustomT = {}> = (ctx: RouterContext<StateT, CustomT>, next: Next) => unknown;
  }
  class Router<StateT = {}, CustomT = {}> {
    get<T = {}, U = {}>(path: string, ...middleware: Array<Router.Middleware<StateT & T, CustomT & U>>): this;
    post<T = {}, U = {}>(path: string, ...middleware: Array<Router.Middleware<StateT & T, CustomT & U>>): this;
    put<T = {}, U = {}>(path: string, ...middleware: Array<Router.Middleware<StateT & T, CustomT & U>>): this;
    patch<T = {}, U = {}>(path: string, ...middleware: Array<Router.Middleware<StateT & T, CustomT & U>>): this;
    delete<T = {}, U = {}>(path: string, ...middleware: Array<Router.Middleware<StateT & T, CustomT & U>>): this;
    routes(): unknown;
  }
  export = Router;
}
