import './setup.mjs';
import './server.mjs';
