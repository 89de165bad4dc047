#!/usr/bin/env node
// The CLI is TypeScript; tsx (a runtime dependency) compiles it on load.
require('../../bin/typescript-loader.cjs')();
require('../main.ts');
