const names: string[] = users.map((user: User): string => {
  return user.name;
});
app.get('/', async (req: Request, res: Response): Promise<void> => {
  res.send(await render());
});
const ids = pick(rows, <T extends { id: number }>(row: T): number => { return row.id; });
