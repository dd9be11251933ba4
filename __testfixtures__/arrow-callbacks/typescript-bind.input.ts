class Poller {
  interval = 100;
  start(ready: boolean): void {
    setTimeout(function (): void { this.tick(); }.bind(this), this.interval);
    schedule(ready ? function (n: number): number { return n * this.interval; }.bind(this) : undefined);
  }
  tick(): void {}
}
