#!/usr/bin/env node
// The CLI is TypeScript; tsx (a devDependency, installed by `npm ci`) compiles it on load.
require('tsx/cjs');
require('../main.ts');
