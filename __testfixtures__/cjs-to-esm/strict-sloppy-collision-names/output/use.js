// the default import needs a fresh name: legacyLib and legacyLib2 are taken
const legacyLib = 'local';
const legacyLib2 = 'local too';
import legacyLibModule from 'legacy-lib';
const { x } = legacyLibModule;

console.log(legacyLib, legacyLib2, x);
