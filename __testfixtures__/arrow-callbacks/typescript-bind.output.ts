class Poller {
  interval = 100;
  start(ready: boolean): void {
    setTimeout((): void => { this.tick(); }, this.interval);
    schedule(ready ? ((n: number): number => { return n * this.interval; }) : undefined);
  }
  tick(): void {}
}
