var api = { name, list() { return []; } };
