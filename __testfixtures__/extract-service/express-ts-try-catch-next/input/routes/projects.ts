import { Router, type NextFunction, type Request, type Response } from 'express';
import { archive, findProject } from '../repo';

export const router = Router();

// try/catch with next(err) stays in the handler around the service call, so errors reach the error handler.
router.post('/:id/archive', async function (req: Request, res: Response, next: NextFunction) {
  const id = Number(req.params.id);
  try {
    const project = await findProject(id);
    if (!project) {
      res.status(404).json({ error: 'project ' + id + ' not found' });
      return;
    }
    if (project.archived) return res.status(409).json({ error: 'already archived' });
    const saved = await archive(project);
    res.json({ id: saved.id, archived: saved.archived });
  } catch (err) {
    next(err);
  }
});
