import { defineProjectFixtureTests } from '../src/testing.js';
import * as moveSymbol from '../transforms/move-symbol.js';

defineProjectFixtureTests(moveSymbol);
