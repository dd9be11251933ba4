import { readCycle } from './routes/cycle';

export const sizeOfA = readCycle('a').length;
