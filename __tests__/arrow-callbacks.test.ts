import { defineFixtureTests } from '../src/testing.js';
import * as arrowCallbacks from '../transforms/arrow-callbacks/index.js';

defineFixtureTests(arrowCallbacks);
