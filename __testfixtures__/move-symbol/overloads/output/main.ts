import { use } from './users';
import { double } from './format';

export const shown = [double(2), double('a'), use()];
