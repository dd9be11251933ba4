import { find, type Row } from './db';

function show(r: Row) {
  return r.name;
}

export const a = show(find(1)!);
