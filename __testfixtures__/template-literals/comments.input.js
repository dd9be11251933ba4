const text = 'Hello ' + // the name
  name + '!';
const other = 'a' + /* inline */ b;
