import { defineProjectFixtureTests } from '../src/testing.js';
import * as moveSymbol from '../transforms/move-symbol/index.js';

defineProjectFixtureTests(moveSymbol);
