import { z } from 'zod';

// Request shapes inferred by remodel introduce-dto from how the handlers read them; each handler validates its
// input against these schemas and answers 400 when it does not match.

export const CreateUserBody = z.object({
  name: z.string(),
  tags: z.array(z.string()).nullish(),
  admin: z.boolean(),
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const UserParams = z.object({
  id: z.string(),
});
export type UserParams = z.infer<typeof UserParams>;

export const GetUserQuery = z.object({
  fields: z.string().optional(),
});
export type GetUserQuery = z.infer<typeof GetUserQuery>;

export const CreateGreetingBody = z.object({
  name: z.any().optional(), // remodel: fallback, the inferred `string` does not compile here
  bio: z.string().nullish(),
  nick: z.string().nullish(),
});
export type CreateGreetingBody = z.infer<typeof CreateGreetingBody>;

export const CreateVisitBody = z.object({
  limit: z.number().optional(),
  who: z.string().nullish(),
});
export type CreateVisitBody = z.infer<typeof CreateVisitBody>;
