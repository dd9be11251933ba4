function greet(name: string, age: number | null, nick?: string): string {
  return 'Hello ' + name + ', ' + age + ' (' + nick + ')';
}
const id = 'user-' + (input as string);
let mode: 'a' | 'b' = 'a';
const msg = 'mode ' + mode;
function when(d: Date) {
  return 'at ' + d;
}
