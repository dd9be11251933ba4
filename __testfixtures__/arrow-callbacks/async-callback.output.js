router.get('/users/:id', async (req, res) => {
  const user = await db.find(req.params.id);
  res.json(user);
});
await Promise.all(ids.map(async (id) => { return load(id); }));
