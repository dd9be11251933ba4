// A comment between the parameter name and its `?`: the mark is not found right after the name, so the default is left alone.
function greet(name /* display name */ ?: string) {
  if (name === undefined) name = 'guest';
  return 'Hello ' + name;
}

console.log(greet());
