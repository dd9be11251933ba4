import { defineProjectFixtureTests } from '../src/testing.js';
import * as extractService from '../transforms/extract-service/index.js';

defineProjectFixtureTests(extractService);
