const hello = require('./hello');

hello();
