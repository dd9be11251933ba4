request(options, (
  err,
  response,
  body
) =>
{
  callback(err, body);
});
