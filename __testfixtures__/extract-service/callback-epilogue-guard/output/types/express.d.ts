// Minimal Express typings for the fixture (with connect-flash's and passport's request methods).
declare module 'express' {
  export interface Request {
    params: Record<string, string>;
    query: Record<string, string | undefined>;
    body: any;
    user?: unknown;
    flash(type: string, message: { msg: string }): void;
    logout(): void;
    logIn(user: unknown, done: (err?: unknown) => void): void;
  }
  export interface Response {
    status(code: number): Response;
    json(body?: unknown): Response;
    send(body?: unknown): Response;
    sendStatus(code: number): Response;
    redirect(url: string): void;
    render(view: string, locals?: object): void;
  }
  export type NextFunction = (err?: unknown) => void;
  export type Handler = (req: Request, res: Response, next: NextFunction) => unknown;
  export interface Router {
    get(path: string, ...handlers: Handler[]): Router;
    post(path: string, ...handlers: Handler[]): Router;
  }
  export function Router(): Router;
}
