function listen(app, port) {
  if (port === undefined) port = 3000; // the documented default port
  return app.listen(port);
}
listen();
