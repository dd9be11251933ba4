// No semicolons in this file: none are added. The arrow's body starts on the next line: the block opens after `=>`.
export const runAll = <A>(jobs: Array<() => Promise<A>>): Promise<A[]> =>
  Promise.all(jobs.map((job) => job())).then((results) => {
    const failed = results.filter((r) => r === undefined)
    if (failed.length) throw new Error(`${failed.length} failed`)
    return results
  })

export function first(ids: string[]): Promise<string> {
  return load(ids[0]).then((row) => row.name)
}
