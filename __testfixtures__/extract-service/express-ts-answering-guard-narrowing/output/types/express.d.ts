// Minimal Express typings for the fixture (the real @types/express is not installed in the fixture's folder).
declare module 'express' {
  export interface Request {
    params: Record<string, string>;
    query: Record<string, string | undefined>;
    body: any;
    session?: Record<string, unknown>;
    user?: { id: number };
    flash(kind: string, message: unknown): void;
    isAuthenticated(): boolean;
  }
  export interface Response {
    status(code: number): Response;
    json(body?: unknown): Response;
    redirect(url: string): void;
    render(view: string, locals?: unknown): void;
  }
  export type NextFunction = (err?: unknown) => void;
  export type Handler = (req: Request, res: Response, next: NextFunction) => unknown;
  export interface Router {
    get(path: string, ...handlers: Handler[]): Router;
    post(path: string, ...handlers: Handler[]): Router;
  }
  export function Router(): Router;
}
