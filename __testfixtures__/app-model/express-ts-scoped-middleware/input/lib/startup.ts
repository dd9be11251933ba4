import fs from 'node:fs/promises';

export async function restoreFiles(): Promise<void> {
  if (await fs.stat('dist').then(() => true, () => false)) {
    await fs.copyFile('dist/a', 'dist/b');
  }
}
