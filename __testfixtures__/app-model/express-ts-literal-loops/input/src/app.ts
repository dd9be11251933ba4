import express, { type Request, type RequestHandler, type Response } from 'express';
import * as orders from './orders';

const app = express();
const api = express.Router();

const routes: Record<string, RequestHandler> = {
  '/orders': orders.list,
  '/orders/:id': orders.show,
};

for (const [path, handler] of Object.entries(routes)) {
  api.get(path, handler);
}

const verbs = ['post', 'put'] as const;
for (const verb of verbs) {
  api[verb]('/orders/:id/notes', (req: Request, res: Response) => {
    res.status(201).json({ note: req.body.text as string });
  });
}

function mountAll(router: express.Router, table: Record<string, RequestHandler>): void {
  Object.keys(table).forEach((p) => router.delete(p, table[p]));
}
mountAll(api, { '/orders/:id': orders.remove });

// Not evaluated: the table comes from a call.
for (const [path, handler] of Object.entries(orders.extra())) {
  api.patch(path, handler);
}

app.use('/api', api);
export default app;
