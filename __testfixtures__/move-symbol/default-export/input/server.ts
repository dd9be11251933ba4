import createApp, { version } from './app';

export const app = createApp(`api ${version}`);
