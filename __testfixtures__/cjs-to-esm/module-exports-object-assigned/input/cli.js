'use strict';

const flags = require('./flags');
const { beta } = require('./flags');

// turns flags on for every module that reads them later
Object.assign(flags, { verbose: process.argv.includes('-v') });
console.log(beta, flags.verbose);
