import { double } from './math';
import { clamp } from './clamp';

export const values = [clamp(5, 0, 3), double(4)];
