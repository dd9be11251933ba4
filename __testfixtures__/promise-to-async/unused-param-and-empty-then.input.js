function ping(client) {
  return client.connect().then().then(() => client.send('ping')).then((unused) => 'pong');
}
