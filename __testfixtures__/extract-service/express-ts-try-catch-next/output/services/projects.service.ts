// Business logic of routes/projects.ts, moved out of its route handlers by remodel extract-service.
import { archive, findProject, rename } from '../repo';
import { ConflictError, NotFoundError } from './errors';

export interface ArchiveProjectInput {
  id: number;
}

export interface CreateProjectRenameInput {
  id: string;
  token: string;
}

export interface NotifyProjectInput {
  email: Awaited<ReturnType<typeof import('../repo').findOwner>>['email'];
  id: string;
}

export class ProjectsService {
  /**
   * POST /:id/archive (routes/projects.ts)
   */
  async archiveProject(input: ArchiveProjectInput) {
    const { id } = input;
    const project = await findProject(id);
    if (!project) {
      throw new NotFoundError('project ' + id + ' not found');
    }
    if (project.archived) throw new ConflictError('already archived');
    const saved = await archive(project);
    return { id: saved.id, archived: saved.archived };
  }

  /**
   * POST /:id/rename (routes/projects.ts)
   */
  async createProjectRename(input: CreateProjectRenameInput) {
    const { id, token } = input;
    const project = await findProject(Number(id));
    if (!project) throw new Error('missing');
    const saved = await rename(project, token);
    return { id: saved.id, name: saved.name };
  }

  /**
   * POST /:id/notify (routes/projects.ts)
   */
  async notifyProject(input: NotifyProjectInput) {
    const { email, id } = input;
    const project = await findProject(Number(id));
    if (!project) throw new Error('missing');
    const saved = await rename(project, email);
    return { id: saved.id, name: saved.name };
  }
}
