import { defineFixtureTests } from '../src/testing.js';
import * as prototypeToClass from '../transforms/prototype-to-class/index.js';

defineFixtureTests(prototypeToClass);
