import { defineFixtureTests } from '../src/testing.js';
import * as noVar from '../transforms/no-var/index.js';

defineFixtureTests(noVar);
