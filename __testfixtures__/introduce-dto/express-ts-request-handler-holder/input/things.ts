import { Router, type Request, type RequestHandler, type Response } from 'express';

// The handler is held by a variable declared `RequestHandler`: it gets the same type arguments as `req`.
export const renameThing: RequestHandler = (req: Request, res: Response) => {
  const name: string = req.body.name;
  res.json({ id: req.params.thingId, name });
};

class ThingController {
  public getThing: RequestHandler = async (req: Request, res: Response) => {
    res.json({ id: Number.parseInt(req.params.thingId, 10) });
  };
}

const controller = new ThingController();
export const router = Router();
router.patch('/things/:thingId', renameThing);
router.get('/things/:thingId', controller.getThing);
