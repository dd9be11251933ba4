import makeApp from './app';

export const cliApp = makeApp('cli');
