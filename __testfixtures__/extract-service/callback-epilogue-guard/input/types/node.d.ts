// The part of @types/node this app uses.
declare var process: { nextTick(callback: (...args: any[]) => void, ...args: any[]): void };
