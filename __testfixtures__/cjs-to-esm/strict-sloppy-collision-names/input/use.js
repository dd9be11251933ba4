// the default import needs a fresh name: legacyLib and legacyLib2 are taken
const legacyLib = 'local';
const legacyLib2 = 'local too';
const { x } = require('legacy-lib');

console.log(legacyLib, legacyLib2, x);
