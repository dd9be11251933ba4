// Minimal express-validator typings for the fixture.
declare module 'express-validator' {
  import type { Request } from 'express';
  export interface Chain {
    isEmail(): Chain;
    not(): Chain;
    isEmpty(): Chain;
    normalizeEmail(): Chain;
    run(req: Request): Promise<void>;
  }
  export function check(field: string, message?: string): Chain;
  export function body(field: string): Chain;
  export function validationResult(req: Request): { isEmpty(): boolean; array(): unknown[] };
}
