app.use((req, res, next) => {
  next();
});
app.get('/', (req, res) => { res.send('ok'); });
