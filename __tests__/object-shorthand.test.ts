import { defineFixtureTests } from '../src/testing.js';
import * as objectShorthand from '../transforms/object-shorthand.js';

defineFixtureTests(objectShorthand);
