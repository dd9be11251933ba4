import { defineFixtureTests } from '../src/testing.js';
import * as defaultParams from '../transforms/default-params.js';

defineFixtureTests(defaultParams);
