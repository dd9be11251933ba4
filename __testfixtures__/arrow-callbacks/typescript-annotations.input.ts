const names: string[] = users.map(function (user: User): string {
  return user.name;
});
app.get('/', async function (req: Request, res: Response): Promise<void> {
  res.send(await render());
});
const ids = pick(rows, function <T extends { id: number }>(row: T): number { return row.id; });
