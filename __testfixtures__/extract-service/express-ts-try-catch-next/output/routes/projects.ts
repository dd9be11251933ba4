import { Router, type NextFunction, type Request, type Response } from 'express';
import { ProjectsService } from '../services/projects.service.js';
import { sendDomainError } from './error-responses.js';

const projectsService = new ProjectsService();

export const router = Router();

// try/catch with next(err) stays in the handler around the service call, so errors reach the error handler.
router.post('/:id/archive', async function (req: Request, res: Response, next: NextFunction) {
  const id = Number(req.params.id);
  try {
    res.json(await projectsService.archiveProject({ id }));
  } catch (err) {
    if (sendDomainError(res, err)) return;
    next(err);
  }
});
