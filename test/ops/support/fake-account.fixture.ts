/**
 * The fake AWS account the cleanup tests run against, as a named fixture:
 * benchmarks (bench/) reach test code only through `*.fixture.ts` modules, so
 * what they share with the tests is this list and nothing else of test support.
 */
export { FakeAws } from './fake-aws';
export { addBuild, addFoundation, zoneOf, type BuildShape } from './inventory';
