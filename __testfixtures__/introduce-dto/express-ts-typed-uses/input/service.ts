export type Plan = 'free' | 'pro';

export function subscribe(email: string, plan: Plan, seats: number): { ok: boolean } {
  return { ok: email.length > 0 && seats > 0 && plan !== undefined };
}
