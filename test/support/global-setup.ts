import { chmodSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareTerraform } from './terraform';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build module is plain CommonJS (bin/), without types.
const { built } = require('../../bin/build.cjs') as { built: (name: string) => Promise<string> };

/** Names the run's temp folder for the global teardown. */
export const RUN_TMP_ENV = 'GOLDENPATH_TEST_TMP';

/**
 * One temp folder per `npm test` run, set as TMPDIR for the workers (which
 * start after this) and every process they spawn: synth outdirs, cdktf's
 * `cdktf.outdir.*`, Terraform's CLI config and plugin cache, PostgreSQL data
 * all land in it, and the global teardown removes it whole.
 */
export default async function globalSetup(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'gp-test-'));
  // The TLS PostgreSQL tests run the server as the postgres OS user, which must traverse into its data folder.
  chmodSync(root, 0o755);
  process.env[RUN_TMP_ENV] = root;
  process.env.TMPDIR = root;
  const terraform = join(root, 'terraform');
  mkdirSync(terraform);
  prepareTerraform(terraform);
  // Tests that run `npm run synth` or the CLI start many at once: build what is stale once, here, not in each of them.
  await Promise.all([built('synth'), built('goldenpath')]);
}
