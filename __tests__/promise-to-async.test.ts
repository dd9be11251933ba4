import { defineFixtureTests } from '../src/testing.js';
import * as promiseToAsync from '../transforms/promise-to-async/index.js';

defineFixtureTests(promiseToAsync);
