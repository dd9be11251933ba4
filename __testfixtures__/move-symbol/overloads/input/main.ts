import { double, use } from './users';

export const shown = [double(2), double('a'), use()];
