// Minimal stand-in for @types/express (the fixture runs outside the repository's node_modules).
declare module 'express' {
  function e(): e.Application;
  namespace e {
    interface ParamsDictionary {
      [key: string]: string;
    }
    interface ParsedQs {
      [key: string]: undefined | string | string[] | ParsedQs | ParsedQs[];
    }
    interface Request<P = ParamsDictionary, ResBody = any, ReqBody = any, ReqQuery = ParsedQs> {
      params: P;
      body: ReqBody;
      query: ReqQuery;
      method: string;
      originalUrl: string;
      get(name: string): string | undefined;
    }
    interface Response<ResBody = any> {
      status(code: number): this;
      json(body?: ResBody): this;
      send(body?: unknown): this;
      sendStatus(code: number): this;
      location(url: string): this;
    }
    type NextFunction = (err?: unknown) => void;
    interface RequestHandler<P = ParamsDictionary, ResBody = any, ReqBody = any, ReqQuery = ParsedQs> {
      (req: Request<P, ResBody, ReqBody, ReqQuery>, res: Response<ResBody>, next: NextFunction): unknown;
    }
    interface RouterMatcher<T> {
      <P = ParamsDictionary, ResBody = any, ReqBody = any, ReqQuery = ParsedQs>(
        path: string,
        ...handlers: Array<RequestHandler<P, ResBody, ReqBody, ReqQuery>>
      ): T;
    }
    interface RouteMatcher<T> {
      <P = ParamsDictionary, ResBody = any, ReqBody = any, ReqQuery = ParsedQs>(
        ...handlers: Array<RequestHandler<P, ResBody, ReqBody, ReqQuery>>
      ): T;
    }
    interface Route {
      get: RouteMatcher<this>;
      post: RouteMatcher<this>;
      put: RouteMatcher<this>;
      patch: RouteMatcher<this>;
      delete: RouteMatcher<this>;
    }
    interface Router {
      get: RouterMatcher<this>;
      post: RouterMatcher<this>;
      put: RouterMatcher<this>;
      patch: RouterMatcher<this>;
      delete: RouterMatcher<this>;
      all: RouterMatcher<this>;
      use(...handlers: unknown[]): this;
      route(path: string): Route;
    }
    interface Application extends Router {
      listen(port: number): unknown;
    }
    function Router(): Router;
    function json(): RequestHandler;
  }
  export = e;
}
