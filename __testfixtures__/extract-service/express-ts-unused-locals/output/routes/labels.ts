import { Router, type Request, type Response } from 'express';
import { find, type Row } from '../db';
import { LabelsService } from '../services/labels.service';
import { sendDomainError } from './error-responses';

const labelsService = new LabelsService();

export const router = Router();

// A helper merged with a namespace the router keeps using: its declarations cannot move apart (merged-declaration).
function tag(r: Row): string {
  return '#' + r.name;
}
namespace tag {
  export const prefix = '#';
}

router.get('/:id/label', async (req: Request, res: Response) => {
  try {
    res.json(await labelsService.getLabelLabel({ id: req.params.id }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

router.get('/:id/tag', async (req: Request, res: Response) => {
  const row = await find(Number(req.params.id));
  if (!row) return res.status(404).json({ error: 'none' });
  res.json({ tag: tag(row), prefix: tag.prefix });
});
