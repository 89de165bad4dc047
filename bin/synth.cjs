#!/usr/bin/env node
/**
 * The synth entry (`app` in cdktf.json): main.ts through tsx.
 * Source maps stay off: cdktf captures a stack trace for every construct and
 * token, mapping them through tsx's source maps cost a sixth of a synth, and
 * synth never shows them.
 */
require('./typescript-loader.cjs')();
process.setSourceMapsEnabled(false);
require('../main.ts');
