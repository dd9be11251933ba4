type Role = 'admin' | 'user';

export function can(roles: Role[], role: Role, name: string, tags: Array<string>, frozen: readonly string[]): boolean {
  if (!roles.includes(role)) return false;
  if (name.includes('.')) return false;
  if (tags.includes(name)) return true;
  return frozen.includes('x');
}

export function either(v: string | string[] | undefined, key?: string) {
  // Either kind: the searched value must suit both (a string is neither NaN nor a RegExp).
  return v!.includes('k') || (key !== undefined && key.includes('x'));
}

let label: string = compute();
label = label + '!';
export const hasBang = label.includes('!'); // annotated: reassignments are type-checked
