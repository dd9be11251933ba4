import { add } from './store.mjs';

add(process.argv[2]);
