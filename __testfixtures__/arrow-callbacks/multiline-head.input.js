request(options, function (
  err,
  response,
  body
)
{
  callback(err, body);
});
