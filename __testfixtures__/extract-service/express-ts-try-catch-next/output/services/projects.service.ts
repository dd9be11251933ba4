// Business logic of routes/projects.ts, moved out of its route handlers by remodel extract-service.
import { archive, findProject } from '../repo.js';
import { respond } from './http-result.js';

export interface PostProjectArchiveInput {
  id: number;
}

export class ProjectsService {
  /**
   * POST /:id/archive (routes/projects.ts)
   */
  async postProjectArchive(input: PostProjectArchiveInput) {
    const { id } = input;
    const project = await findProject(id);
    if (!project) {
      return respond().status(404).json({ error: 'project ' + id + ' not found' });
    }
    if (project.archived) return respond().status(409).json({ error: 'already archived' });
    const saved = await archive(project);
    return respond().json({ id: saved.id, archived: saved.archived });
  }
}
