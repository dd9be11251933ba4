// Business logic of routes/tags.js, moved out of its route handlers by remodel extract-service.
import mongoose from 'mongoose';
import { NotFoundError } from './errors.js';

// (the framework's factory and built-ins run no code of the app)
const root = String(['', 'tags'].join('/'));

// Extracted: the model is registered by an import, which runs before this module's body and before the service's.
const Tag = mongoose.model('Tag');

/** @typedef {{ id: any }} GetTagInput */

export class TagsService {
  /**
   * GET /:id (routes/tags.js)
   * @param {GetTagInput} input
   */
  async getTag(input) {
    const { id } = input;
    const tag = await Tag.findById(Number(id));
    if (!tag) throw new NotFoundError('no tag', { root });
    return { name: tag.name.toUpperCase() };
  }
}
