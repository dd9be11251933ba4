app.use(function(req, res, next){
  next();
});
app.get('/', function (req, res){ res.send('ok'); });
