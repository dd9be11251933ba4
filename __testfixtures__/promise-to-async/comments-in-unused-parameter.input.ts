// The callback's parameter is not read, so the await is not declared and the comment in its type would be lost.
export function ping(pending: Promise<Reply>): Promise<number> {
  return pending.then((reply: /* not read */ Reply) => 1);
}
