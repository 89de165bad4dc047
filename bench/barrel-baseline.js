// Baseline for `npm run bench`: the cost of the provider package barrel that
// the codebase never imports (a lint rule forbids it).
require('@cdktf/provider-aws');
