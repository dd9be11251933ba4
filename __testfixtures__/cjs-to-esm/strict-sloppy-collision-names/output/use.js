// the default import needs a fresh name: legacyLib and legacyLib2 are taken
const legacyLib = 'local';
const legacyLib2 = 'local too';
import legacyLib3 from 'legacy-lib';
const { x } = legacyLib3;

console.log(legacyLib, legacyLib2, x);
