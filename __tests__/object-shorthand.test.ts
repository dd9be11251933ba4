import { defineFixtureTests } from '../src/testing.js';
import * as objectShorthand from '../transforms/object-shorthand/index.js';

defineFixtureTests(objectShorthand);
