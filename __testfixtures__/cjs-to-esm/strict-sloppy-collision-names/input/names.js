const legacyLib = 1;
const legacyLib2 = 2;
module.exports = legacyLib + legacyLib2;
