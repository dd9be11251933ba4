// Minimal Koa + @koa/router typings for the fixture.
declare module '@koa/router' {
  interface Context {
    params: Record<string, string>;
    query: Record<string, string | undefined>;
    request: { body: any };
    status: number;
    body: unknown;
    set(field: string, value: string): void;
    throw(status: number, message?: string): never;
    state: Record<string, unknown>;
  }
  type Middleware = (ctx: Context, next: () => Promise<void>) => unknown;
  class Router {
    get(path: string, ...middleware: Middleware[]): this;
    post(path: string, ...middleware: Middleware[]): this;
  }
  export = Router;
}
