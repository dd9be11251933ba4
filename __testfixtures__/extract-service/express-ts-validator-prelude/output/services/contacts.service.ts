// Business logic of routes/contacts.ts, moved out of its route handlers by remodel extract-service.
import * as db from '../db';
import { ConflictError } from './errors';

export interface CreateContactInput {
  requestBody: any;
}

export class ContactsService {
  /**
   * POST /contacts (routes/contacts.ts)
   */
  async createContact(input: CreateContactInput) {
    const { requestBody } = input;
    const existing = await db.findByEmail(requestBody.email);
    if (existing) throw new ConflictError('already there');
    const contact = await db.insert(requestBody.name, requestBody.email);
    return contact;
  }
}
