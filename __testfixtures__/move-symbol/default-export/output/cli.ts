import makeApp from './factory';

export const cliApp = makeApp('cli');
