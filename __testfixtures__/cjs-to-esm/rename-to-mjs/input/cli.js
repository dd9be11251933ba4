const { add } = require('./store');

add(process.argv[2]);
