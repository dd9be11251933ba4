const path = require('path');
const { readFileSync } = require('node:fs');
const modern = require('modern-lib');
// CommonJS package: only module.exports is certain, so destructure from the default import
const { helper } = require('legacy-lib');
const log = require('legacy-lib')('server');

console.log(path.sep, typeof readFileSync, helper(), log, modern.shout('x'));
