// Not a candidate itself: spreads the prototype of spread-elsewhere's Gauge.
import { Gauge as G } from './spread-elsewhere.input.js';

export const gaugeDefaults = { ...G.prototype };
