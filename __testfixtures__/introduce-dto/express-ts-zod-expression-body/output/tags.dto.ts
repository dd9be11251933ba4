import { z } from 'zod';

// Request shapes inferred by remodel introduce-dto from how the handlers read them; each handler validates its
// input against these schemas and answers 400 when it does not match.

export const TagParams = z.object({
  tagId: z.string(),
});
export type TagParams = z.infer<typeof TagParams>;
