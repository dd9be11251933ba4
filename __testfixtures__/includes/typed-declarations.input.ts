type Role = 'admin' | 'user';

export function can(roles: Role[], role: Role, name: string, tags: Array<string>, frozen: readonly string[]): boolean {
  if (roles.indexOf(role) === -1) return false;
  if (name.indexOf('.') !== -1) return false;
  if (tags.indexOf(name) > -1) return true;
  return frozen.indexOf('x') >= 0;
}

export function either(v: string | string[] | undefined, key?: string) {
  // Either kind: the searched value must suit both (a string is neither NaN nor a RegExp).
  return v!.indexOf('k') !== -1 || (key !== undefined && key.indexOf('x') !== -1);
}

let label: string = compute();
label = label + '!';
export const hasBang = label.indexOf('!') !== -1; // annotated: reassignments are type-checked
