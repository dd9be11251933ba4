import { defineFixtureTests } from '../src/testing.js';
import * as callbackToAsync from '../transforms/callback-to-async.js';

defineFixtureTests(callbackToAsync);
