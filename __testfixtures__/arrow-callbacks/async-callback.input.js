router.get('/users/:id', async function (req, res) {
  const user = await db.find(req.params.id);
  res.json(user);
});
await Promise.all(ids.map(async function(id) { return load(id); }));
