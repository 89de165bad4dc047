#!/usr/bin/env node
// The CLI is TypeScript; tsx (a runtime dependency) compiles it on load.
require('tsx/cjs');
require('../main.ts');
