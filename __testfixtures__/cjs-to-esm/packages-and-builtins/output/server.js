import path from 'path';
import { readFileSync } from 'node:fs';
import * as modern from 'modern-lib';
// CommonJS package: only module.exports is certain, so destructure from the default import
import legacyLib from 'legacy-lib';
const { helper } = legacyLib;
const log = legacyLib('server');

console.log(path.sep, typeof readFileSync, helper(), log, modern.shout('x'));
