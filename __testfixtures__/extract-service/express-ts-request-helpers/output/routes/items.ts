import { type Request, type Response, type NextFunction } from 'express';
import * as security from '../lib/security';
import { isAdmin, stampRequest, logRequest } from '../lib/security';
import { allItems, itemById } from '../lib/data';
import { ItemsService } from '../services/items.service';
import { UserService } from '../services/user.service';
import { sendDomainError } from './error-responses';

const itemsService = new ItemsService();
const userService = new UserService();

// A helper handed the request inside a loop: the service calls it there, as often as before.
export function listItems() {
  return async (req: Request, res: Response) => {
    res.json(await itemsService.listItems({ isAdmin: () => isAdmin(req) }));
  };
}

// The signed-in user from a member of an object typed by an interface; its type is not exported.
export function whoAmI() {
  return (req: Request, res: Response, next: NextFunction) => {
    try {
      res.json(userService.getUserWhoami({ sessionsFrom: () => security.sessions.from(req) }));
    } catch (error) {
      if (sendDomainError(res, error)) return;
      next(error);
    }
  };
}

// A helper of the factory, with closures reading the request, and another argument.
export function itemView() {
  function seen(req: Request, id: number): boolean {
    const check = () => req.params.id === String(id) && req.query.preview !== undefined;
    return check();
  }
  return async (req: Request, res: Response) => {
    const id = Number(req.params.id);
    try {
      res.json(await itemsService.getItem({ id, seen: (id) => seen(req, id) }));
    } catch (err) {
      if (!sendDomainError(res, err)) throw err;
    }
  };
}

// Left alone: the helper writes to the request.
export function stampItem() {
  return async (req: Request, res: Response) => {
    const item = await itemById(Number(req.params.id));
    const at = stampRequest(req, Date.now());
    res.json({ item, at, by: req.body.who });
  };
}

// Left alone: the helper hands the request to a function that is not followed.
export function logItem() {
  return async (req: Request, res: Response) => {
    const item = await itemById(Number(req.params.id));
    logRequest(req);
    res.json({ item });
  };
}

// Left alone: the helper's result type is kept to this module, and the service could not name it.
interface Viewer {
  name: string;
}
export function viewer() {
  function viewerOf(req: Request): Viewer {
    return { name: req.get('x-name') ?? 'anonymous' };
  }
  return async (req: Request, res: Response) => {
    const items = await allItems();
    const seenBy = viewerOf(req);
    res.json({ who: seenBy.name, count: items.length });
  };
}
