import { defineFixtureTests } from '../src/testing.js';
import * as defaultParams from '../transforms/default-params/index.js';

defineFixtureTests(defaultParams);
