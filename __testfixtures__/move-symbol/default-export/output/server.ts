import { version } from './app';
import createApp from './factory';

export const app = createApp(`api ${version}`);
