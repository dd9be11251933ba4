async function ping(client) {
  await client.connect();
  await client.send('ping');
  return 'pong';
}
