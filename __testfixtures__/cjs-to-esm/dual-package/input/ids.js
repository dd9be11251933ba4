const { v4 } = require('uuidish');

module.exports = { newId: () => v4() };
