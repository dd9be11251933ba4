import * as fs from 'fs';

// `data` of the callback would clash with the function's own `data`.
export async function merge(file: string, data: Record<string, unknown>, done: (d: object) => void): Promise<void> {
  console.log(Object.keys(data));
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) throw err;
    const data = { ...JSON.parse(text) };
    done(data);
  });
}
