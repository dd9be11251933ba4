interface User {
  name: string;
  address?: { city: string };
}
interface Logger {
  info(msg: string): void;
}

// Proven objects that are never null: the value of `a && a.b` equals `a?.b` even in a value position.
export function name(user?: User): string | undefined {
  return user?.name;
}

export function city(user: User | undefined, log: Logger | undefined) {
  log?.info('looking up');
  const c = user?.address;
  return c;
}

export class Service {
  constructor(private readonly logger?: Logger) {}
  run(): void {
    this.logger?.info('run');
  }
}
