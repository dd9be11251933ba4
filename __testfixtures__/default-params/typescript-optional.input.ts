import { log } from './log';
function retry(task: () => Promise<void>, attempts?: number, delayMs: number | undefined = undefined): Promise<void> {
  if (attempts === undefined) attempts = 3;
  return run(task, attempts, delayMs);
}
function label(id: number, prefix?: string) {
  prefix = prefix === undefined ? 'item-' : prefix;
  return prefix + id;
}
export async function main() {
  await retry(async () => log(label(1)));
}
