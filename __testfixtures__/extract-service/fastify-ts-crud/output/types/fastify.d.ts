// Minimal Fastify typings for the fixture.
declare module 'fastify' {
  export interface FastifyRequest {
    params: any;
    query: any;
    body: any;
  }
  export interface FastifyReply {
    code(status: number): FastifyReply;
    status(status: number): FastifyReply;
    header(name: string, value: string): FastifyReply;
    send(payload?: unknown): FastifyReply;
  }
  type Handler = (request: FastifyRequest, reply: FastifyReply) => unknown;
  export interface RouteOptions {
    method: string;
    url: string;
    handler: Handler;
  }
  export interface FastifyInstance {
    get(path: string, handler: Handler): void;
    post(path: string, handler: Handler): void;
    delete(path: string, handler: Handler): void;
    route(options: RouteOptions): void;
    register(plugin: (app: FastifyInstance) => Promise<void>, options?: { prefix?: string }): void;
  }
}
