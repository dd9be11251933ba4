import { defineFixtureTests } from '../src/testing.js';
import * as arrowCallbacks from '../transforms/arrow-callbacks.js';

defineFixtureTests(arrowCallbacks);
