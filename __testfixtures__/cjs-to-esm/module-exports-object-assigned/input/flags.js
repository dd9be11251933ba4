'use strict';

const beta = false;
const verbose = false;

module.exports = { beta, verbose };
