import { z } from 'zod';

// Request shapes inferred by remodel introduce-dto from how the handlers read them; each handler validates its
// input against these schemas and answers 400 when it does not match.

export const CreateEventBody = z.object({
  at: z.number(),
  name: z.unknown().optional(),
});
export type CreateEventBody = z.infer<typeof CreateEventBody>;
