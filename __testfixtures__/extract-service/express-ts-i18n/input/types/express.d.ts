// Minimal Express typings for the fixture (the real @types/express is not installed in the fixture's folder).
declare module 'express' {
  export interface Request {
    params: Record<string, string>;
    query: Record<string, string | undefined>;
    body: any;
    headers: Record<string, string | undefined>;
    session?: Record<string, unknown>;
  }
  export interface Response {
    status(code: number): Response;
    json(body?: unknown): Response;
    send(body?: unknown): Response;
    end(): Response;
    sendStatus(code: number): Response;
    location(url: string): Response;
    set(field: string, value?: string): Response;
    write(chunk: unknown): boolean;
    locals: Record<string, unknown>;
  }
  export type NextFunction = (err?: unknown) => void;
  export type Handler = (req: Request, res: Response, next: NextFunction) => unknown;
  export interface Router {
    get(path: string, ...handlers: Handler[]): Router;
    post(path: string, ...handlers: Handler[]): Router;
    put(path: string, ...handlers: Handler[]): Router;
    patch(path: string, ...handlers: Handler[]): Router;
    delete(path: string, ...handlers: Handler[]): Router;
  }
  export function Router(): Router;
}
