// Business logic of tags.js, moved out of its route handlers by remodel extract-service.
import { store } from '../store.js';
import { ValidationError } from './errors.js';

/** @typedef {{ body: import('../tags.js').CreateTagBody }} CreateTagInput */

export class TagsService {
  /**
   * POST /tags (tags.js)
   * @param {CreateTagInput} input
   */
  createTag(input) {
    const { body } = input;
    if (!body.label) throw new ValidationError('label is required');
    const tag = store.add(String(body.label).toLowerCase(), body.color || '#ccc');
    return tag;
  }
}
