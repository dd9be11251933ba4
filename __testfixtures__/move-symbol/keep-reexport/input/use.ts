import { clamp, double } from './math';

export const values = [clamp(5, 0, 3), double(4)];
