// No semicolons in this file: none are added. The arrow's body starts on the next line: the block opens after `=>`.
export const runAll = async <A>(jobs: Array<() => Promise<A>>): Promise<A[]> => {
  const results = await Promise.all(jobs.map((job) => job()))
  const failed = results.filter((r) => r === undefined)
  if (failed.length) throw new Error(`${failed.length} failed`)
  return results
}

export async function first(ids: string[]): Promise<string> {
  const row = await load(ids[0])
  return row.name
}
