import { z } from 'zod';

// Request shapes inferred by remodel introduce-dto from how the handlers read them; each handler validates its
// input against these schemas and answers 400 when it does not match.

export const PinParams = z.object({
  boardId: z.string(),
});
export type PinParams = z.infer<typeof PinParams>;

export const CreatePinBody = z.object({
  url: z.string(),
});
export type CreatePinBody = z.infer<typeof CreatePinBody>;
