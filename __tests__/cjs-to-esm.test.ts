import { defineProjectFixtureTests } from '../src/testing.js';
import * as cjsToEsm from '../transforms/cjs-to-esm/index.js';

defineProjectFixtureTests(cjsToEsm);
