// Business logic of routes/contacts.ts, moved out of its route handlers by remodel extract-service.
import * as db from '../db';
import { ConflictError } from './errors';

export interface CreateAuditedInput {
  audit: () => Promise<void>;
  body: any;
}

export class AuditedService {
  /**
   * POST /audited (routes/contacts.ts)
   */
  async createAudited(input: CreateAuditedInput) {
    const { audit, body } = input;
    await audit();
    const existing = await db.findByEmail(body.email);
    if (existing) throw new ConflictError('already there');
    return await db.insert(body.name, body.email);
  }
}
