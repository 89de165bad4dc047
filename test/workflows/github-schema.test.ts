import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { githubSchemaErrors } from './support/github-schema';
import { WORKFLOWS_DIR, workflowFiles } from './support/workflows';

describe("GitHub's workflow schema (@actions/workflow-parser)", () => {
  it('finds the six workflows', () => {
    expect(workflowFiles()).toEqual(['ci.yml', 'deploy-environment.yml', 'ephemeral-build.yml', 'orphan-reaper.yml', 'release-image.yml', 'tier-validation.yml']);
  });

  it('accepts every workflow: keys, values, expressions and the contexts each key may use', () => {
    const results = githubSchemaErrors(workflowFiles().map((f) => join(WORKFLOWS_DIR, f)));
    expect(results.filter((r) => r.errors.length > 0)).toEqual([]);
    expect(results).toHaveLength(workflowFiles().length);
  });

  it('rejects a misspelt key, an unknown context and a context used where it is not available', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gp-wf-'));
    const bad = join(dir, 'bad.yml');
    writeFileSync(
      bad,
      ['on: push', 'jobs:', '  a:', '    runs-on: ubuntu-24.04', '    env:', '      X: ${{ runner.temp }}', '    steps:', '      - run: echo ${{ nope.x }}', '        iff: always()', ''].join('\n'),
    );
    const [result] = githubSchemaErrors([bad]);
    expect(result!.errors).toEqual(
      expect.arrayContaining([expect.stringContaining("Unexpected value 'iff'"), expect.stringContaining("Unrecognized named-value: 'nope'"), expect.stringContaining("Unrecognized named-value: 'runner'")]),
    );
  });
});
