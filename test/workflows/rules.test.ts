import { parse } from 'yaml';
import { RULES, type Rule } from './support/rules';
import { loadWorkflows, type Workflow, type WorkflowFile } from './support/workflows';

const workflows = loadWorkflows();

function fixture(text: string): WorkflowFile {
  return { file: 'fixture.yml', text, workflow: parse(text) as Workflow };
}

/** A workflow that keeps every rule; each case below breaks exactly one. */
const GOOD = `
on: push
permissions: {}
jobs:
  build:
    runs-on: ubuntu-24.04
    permissions:
      contents: read
      id-token: write
    outputs:
      id: \${{ steps.id.outputs.id }}
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
        with:
          persist-credentials: false
      - uses: aws-actions/configure-aws-credentials@b47578312673ae6fa5b5096b330d9fbac3d116df # v4.2.1
        with:
          role-to-assume: \${{ vars.ROLE }}
          aws-region: eu-west-2
      - id: id
        run: echo "id=1" >> "$GITHUB_OUTPUT"
  teardown:
    needs: build
    if: always() && needs.build.result != 'skipped'
    runs-on: ubuntu-24.04
    permissions:
      contents: read
    steps:
      - if: always()
        env:
          BUILD_ID: \${{ needs.build.outputs.id }}
        run: goldenpath teardown --env dev --build-id "$BUILD_ID" --yes
`;

const BROKEN: Readonly<Record<keyof typeof RULES, [string, string]>> = {
  everyActionPinnedBySha: ['actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2', 'actions/checkout@v4'],
  pinnedActionsNameTheirVersion: ['b47578312673ae6fa5b5096b330d9fbac3d116df # v4.2.1', 'b47578312673ae6fa5b5096b330d9fbac3d116df'],
  scriptsTakeNoExpressions: ['run: echo "id=1" >> "$GITHUB_OUTPUT"', 'run: echo "id=${{ github.head_ref }}" >> "$GITHUB_OUTPUT"'],
  topLevelPermissionsAreMinimal: ['permissions: {}', 'permissions: write-all'],
  everyJobDeclaresPermissions: ['    permissions:\n      contents: read\n    steps:\n      - if', '    steps:\n      - if'],
  checkoutsDropCredentials: ['persist-credentials: false', 'persist-credentials: true'],
  awsThroughOidcOnly: ['role-to-assume: ${{ vars.ROLE }}', 'aws-access-key-id: ${{ secrets.KEY }}'],
  cleanupAlwaysRuns: ["if: always() && needs.build.result != 'skipped'", "if: needs.build.result == 'success'"],
  referencesResolve: ['${{ steps.id.outputs.id }}', '${{ steps.other.outputs.id }}'],
};

describe.each(Object.entries(RULES) as [keyof typeof RULES, Rule][])('rule %s', (name, rule) => {
  it.each(workflows.map((w) => [w.file, w] as const))('holds for %s', (_file, wf) => {
    expect(rule(wf)).toEqual([]);
  });

  it('holds for the reference fixture', () => {
    expect(rule(fixture(GOOD))).toEqual([]);
  });

  it('reports a workflow that breaks it', () => {
    const [from, to] = BROKEN[name];
    expect(GOOD).toContain(from);
    expect(rule(fixture(GOOD.replace(from, to)))).not.toEqual([]);
  });
});
