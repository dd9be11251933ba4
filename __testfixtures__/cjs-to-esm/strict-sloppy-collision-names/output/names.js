const legacyLib = 1;
const legacyLib2 = 2;
export default legacyLib + legacyLib2;
