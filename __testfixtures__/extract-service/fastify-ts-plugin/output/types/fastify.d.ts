// Minimal Fastify typings for the fixture.
declare module 'fastify' {
  export interface FastifyRequest {
    params: any;
    query: any;
    body: any;
  }
  export interface FastifyReply {
    code(status: number): FastifyReply;
    header(name: string, value: string): FastifyReply;
    send(payload?: unknown): FastifyReply;
  }
  type Handler = (request: FastifyRequest, reply: FastifyReply) => unknown;
  export interface FastifyInstance {
    get(path: string, handler: Handler): void;
    post(path: string, handler: Handler): void;
  }
}
