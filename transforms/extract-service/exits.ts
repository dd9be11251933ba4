/** Domain error kinds by the status a handler answered with: named for what went wrong. */
export const ERROR_KINDS: Record<number, { kind: string; message: string }> = {
  400: { kind: 'ValidationError', message: 'Invalid input' },
  401: { kind: 'UnauthorizedError', message: 'Not authenticated' },
  402: { kind: 'PaymentRequiredError', message: 'Payment required' },
  403: { kind: 'ForbiddenError', message: 'Not allowed' },
  404: { kind: 'NotFoundError', message: 'Not found' },
  405: { kind: 'MethodNotAllowedError', message: 'Operation not allowed' },
  409: { kind: 'ConflictError', message: 'Conflict' },
  410: { kind: 'GoneError', message: 'No longer available' },
  412: { kind: 'PreconditionFailedError', message: 'Precondition failed' },
  413: { kind: 'TooLargeError', message: 'Too large' },
  415: { kind: 'UnsupportedTypeError', message: 'Unsupported type' },
  422: { kind: 'UnprocessableError', message: 'Cannot be processed' },
  429: { kind: 'RateLimitError', message: 'Too many requests' },
};

/** How one kind of domain error is answered (the same for every handler that shares the mapping). */
export interface ErrorShape {
  kind: string;
  status: number;
  /**
   * `json`/`send`/`jsonp` with an object body, `text` (send of a string), `status` (sendStatus), `end`; `flash`: a
   * flashed error and a redirect (flash-answer.ts), answered by the handler's own catch, not by a mapping; `forward`:
   * the status set and a new Error with the message thrown on, for the app's error middleware to answer
   * (exit-rewrite.ts statusThenThrow).
   */
  form: 'object' | 'text' | 'status' | 'end' | 'flash' | 'forward';
  /** `flash`: the controller's answer, its statements with `\u0001` for the caught error's name. */
  flashLines?: string[];
  /** Terminal method for object/text forms. */
  method?: string;
  /** Key of the message in an object body (`error`, `message`), absent when the body has none. */
  messageKey?: string;
  details: boolean;
  /**
   * The message was translated by the response's i18n method (`res.__('Wrong answer')`, i18n-node): the service
   * throws the untranslated text and the mapping translates it again, for the request's locale.
   */
  translate?: string;
}

export const shapeKey = (s: ErrorShape) => `${s.status}|${s.form}|${s.method ?? ''}|${s.messageKey ?? ''}|${s.translate ?? ''}`;
