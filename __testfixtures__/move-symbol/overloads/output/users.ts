import { double } from './format';

export function use(): string { return double('x'); }
