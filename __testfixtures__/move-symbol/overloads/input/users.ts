/** Doubles. */
export function double(a: string): string;
export function double(a: number): number;
export function double(a: any): any { return a + a; }
export function use(): string { return double('x'); }
