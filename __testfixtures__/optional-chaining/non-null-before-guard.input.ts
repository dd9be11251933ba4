// A `!` before the guarded part is only a type assertion and stays; the guard after it becomes `?.`.
export function f(state: { user?: { profile?: { name: string } } } | null) {
  if (state!.user && state!.user.profile) return state!.user.profile.name;
  return undefined;
}
