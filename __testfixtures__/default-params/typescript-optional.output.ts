import { log } from './log';
function retry(task: () => Promise<void>, attempts: number = 3, delayMs: number | undefined = undefined): Promise<void> {
  return run(task, attempts, delayMs);
}
function label(id: number, prefix: string = 'item-') {
  return prefix + id;
}
export async function main() {
  await retry(async () => log(label(1)));
}
