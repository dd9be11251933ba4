/**
 * Fastify: a response is `reply.code(404).send(body)` (or `.status()`, with `.header()`/`.type()` links), written as
 * a statement at the end of its path or returned, or a value the handler returns (Fastify sends it). Error responses
 * become domain errors in the service; the controller answers them through the mapping and returns `reply` where
 * the handler returned it, so Fastify sees the same return value as before.
 */
import type { ErrorShape } from '../exits.js';
import { objectResponse } from './shared.js';

/** The statement answering one kind in the mapping (`reply` is the handler's reply). */
export function fastifyResponder(shape: ErrorShape): string[] {
  const head = `reply.code(${shape.status})`;
  if (shape.form === 'text') return [`${head}.send(err.message)`];
  if (shape.form === 'object') return [`${head}.send(${objectResponse(shape)})`];
  return [`${head}.send()`];
}

/** The structural type of `reply` the mapping needs (no import of fastify: any FastifyReply fits it). */
export function fastifyReplyType(): string {
  return '{ code(statusCode: number): { send(payload?: unknown): unknown } }';
}
