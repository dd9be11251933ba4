/**
 * Pieces every framework's exits share: turning an error body into `new XError(message, details)` in the service
 * text, around the parts of the body that stay as written (so request reads inside them are still rewritten).
 */
import { Node, type ObjectLiteralExpression, type PropertyAssignment, type ShorthandPropertyAssignment } from 'ts-morph';
import type { ErrorShape } from '../exits.js';

/** Where edits go (a TextEdits over the route file). */
export interface EditSink {
  replace(start: number, end: number, text: string): unknown;
  remove(start: number, end: number): unknown;
}

/** Why an exit cannot become a domain error or a returned value (same meaning as the analyser's Unsafe). */
export class ExitRefused extends Error {
  constructor(
    readonly reason: string,
    message: string,
    readonly at?: Node,
  ) {
    super(message);
  }
}

export const isStringTyped = (n: Node): boolean => {
  const t = n.getType();
  return t.isString() || t.isStringLiteral() || t.isTemplateLiteral?.() || (t.isUnion() && t.getUnionTypes().every((u) => u.isString() || u.isStringLiteral()));
};

/**
 * Rewrites [from, to) (an error response ending with `body`, or without one) into `${lead}new Kind(...)`. The
 * message is the first property `error`/`message`/`msg` when it is a string, or the whole body when it is a string;
 * other properties travel as `details`. Returns how the body was shaped (the mapping writes the response back).
 */
export function errorFromBody(edits: EditSink, body: Node | undefined, kind: string, from: number, to: number, lead: string): Pick<ErrorShape, 'form' | 'messageKey' | 'details'> {
  if (!body) {
    edits.replace(from, to, `${lead}new ${kind}()`);
    return { form: 'status', details: false };
  }
  if (Node.isObjectLiteralExpression(body)) return objectBody(edits, body, kind, from, to, lead);
  if (isStringTyped(body)) {
    edits.replace(from, body.getStart(), `${lead}new ${kind}(`);
    edits.replace(body.getEnd(), to, ')');
    return { form: 'text', details: false };
  }
  throw new ExitRefused('error-body-shape', 'the error body is not an object literal or a string', body);
}

function objectBody(edits: EditSink, body: ObjectLiteralExpression, kind: string, from: number, to: number, lead: string): Pick<ErrorShape, 'form' | 'messageKey' | 'details'> {
  const props = body.getProperties();
  for (const prop of props) {
    const plain = Node.isShorthandPropertyAssignment(prop) || (Node.isPropertyAssignment(prop) && (Node.isIdentifier(prop.getNameNode()) || Node.isStringLiteral(prop.getNameNode())));
    if (!plain) throw new ExitRefused('error-body-shape', 'the error body has spread, computed or method properties', prop);
  }
  const first = props[0] as PropertyAssignment | ShorthandPropertyAssignment | undefined;
  const firstName = first ? (Node.isPropertyAssignment(first) ? first.getNameNode().getText().replace(/^['"]|['"]$/g, '') : first.getName()) : '';
  const firstValue = first ? (Node.isPropertyAssignment(first) ? first.getInitializerOrThrow() : first.getNameNode()) : undefined;
  const withMessage = !!firstValue && ['error', 'message', 'msg'].includes(firstName) && isStringTyped(firstValue);
  if (withMessage) {
    if (Node.isShorthandPropertyAssignment(first)) throw new ExitRefused('error-body-shape', 'the error message is a shorthand property', first);
    const details = props.slice(1);
    edits.replace(from, firstValue!.getStart(), `${lead}new ${kind}(`);
    if (details.length) {
      edits.replace(firstValue!.getEnd(), details[0].getStart(), ', { ');
      edits.replace(details[details.length - 1].getEnd(), to, ' })');
    } else edits.replace(firstValue!.getEnd(), to, ')');
    return { form: 'object', messageKey: firstName, details: details.length > 0 };
  }
  if (props.length) {
    edits.replace(from, props[0].getStart(), `${lead}new ${kind}(undefined, { `);
    edits.replace(props[props.length - 1].getEnd(), to, ' })');
    return { form: 'object', details: true };
  }
  edits.replace(from, to, `${lead}new ${kind}()`);
  return { form: 'object', details: false };
}

/** The object literal a mapping writes back for an object-shaped error (`{ error: err.message, ...err.details }`). */
export function objectResponse(shape: ErrorShape): string {
  const parts = [...(shape.messageKey ? [`${shape.messageKey}: err.message`] : []), ...(shape.details ? ['...err.details'] : [])];
  return parts.length ? `{ ${parts.join(', ')} }` : '{}';
}
