import { defineProjectFixtureTests } from '../src/testing.js';
import * as introduceDto from '../transforms/introduce-dto/index.js';

defineProjectFixtureTests(introduceDto);
