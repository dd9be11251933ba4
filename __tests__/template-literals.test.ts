import { defineFixtureTests } from '../src/testing.js';
import * as templateLiterals from '../transforms/template-literals/index.js';

defineFixtureTests(templateLiterals);
