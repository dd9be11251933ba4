// Minimal stand-in for fastify's types (the fixture runs outside the repository's node_modules).
declare module 'fastify' {
  export interface RouteGenericInterface {
    Body?: unknown;
    Querystring?: unknown;
    Params?: unknown;
  }
  export interface FastifyRequest<G extends RouteGenericInterface = RouteGenericInterface> {
    body: G['Body'];
    params: G['Params'];
    query: G['Querystring'];
  }
  export interface FastifyReply {
    code(statusCode: number): FastifyReply;
    send(payload?: unknown): FastifyReply;
  }
  type Handler<G extends RouteGenericInterface> = (request: FastifyRequest<G>, reply: FastifyReply) => unknown;
  export interface FastifyInstance {
    get<G extends RouteGenericInterface = RouteGenericInterface>(path: string, handler: Handler<G>): FastifyInstance;
    post<G extends RouteGenericInterface = RouteGenericInterface>(path: string, handler: Handler<G>): FastifyInstance;
    put<G extends RouteGenericInterface = RouteGenericInterface>(path: string, handler: Handler<G>): FastifyInstance;
    patch<G extends RouteGenericInterface = RouteGenericInterface>(path: string, handler: Handler<G>): FastifyInstance;
    delete<G extends RouteGenericInterface = RouteGenericInterface>(path: string, handler: Handler<G>): FastifyInstance;
    register(plugin: (instance: FastifyInstance) => unknown, options?: { prefix?: string }): FastifyInstance;
  }
  export default function fastify(): FastifyInstance;
}
