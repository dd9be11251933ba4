// Business logic of routes/contacts.ts, moved out of its route handlers by remodel extract-service.
import * as db from '../db.js';
import { ConflictError } from './errors.js';

export interface CreateContactInput {
  email: any;
  name: any;
}

export class ContactsService {
  /**
   * POST /contacts (routes/contacts.ts)
   */
  async createContact(input: CreateContactInput) {
    const { email, name } = input;
    const existing = await db.findByEmail(email);
    if (existing) throw new ConflictError('already there');
    const contact = await db.insert(name, email);
    return contact;
  }
}
