export class Registry {
  private names: string[] = [];
  readonly #ids: Set<string> = new Set();
  constructor(private readonly prefix: string, public items?: number[]) {}

  has(name: string): boolean {
    return this.names.includes(name);
  }

  starts(name: string): boolean {
    return this.prefix.indexOf(name) === 0; // a position check: unchanged. expect-report: position-check
  }

  missing(name: string): boolean {
    return !this.prefix.includes(name);
  }

  hasItem(n: number): boolean {
    // number[] searched with a number: it may be NaN. expect-report: maybe-nan
    return this.items!.indexOf(n) !== -1;
  }
}
