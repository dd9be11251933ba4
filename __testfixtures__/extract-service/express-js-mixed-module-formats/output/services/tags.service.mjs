// Business logic of routes/tags.mjs, moved out of its route handlers by remodel extract-service.
import db from '../db.js';

export class TagsService {
  /**
   * GET / (routes/tags.mjs)
   */
  async listTags() {
    const tags = await db.all();
    return { tags: tags.map((t) => t.name.toUpperCase()) };
  }
}
