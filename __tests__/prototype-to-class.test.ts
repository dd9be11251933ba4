import path from 'node:path';
import { defineFixtureTests } from '../src/testing.js';
import * as prototypeToClass from '../transforms/prototype-to-class/index.js';

defineFixtureTests(prototypeToClass);

// Cases inside a published package (its package.json has no "private": true): exported constructors are public API.
defineFixtureTests(prototypeToClass, { fixturesDir: path.join(process.cwd(), '__testfixtures__', 'prototype-to-class', 'published') });
