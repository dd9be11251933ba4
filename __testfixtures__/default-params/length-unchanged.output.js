// An earlier parameter already has a default: .length is 0 before and after, so exporting is fine.
export function connect(host = 'localhost', port = 5432) {
  return host + ':' + port;
}
