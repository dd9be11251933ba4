require('./setup');
require('./server');
