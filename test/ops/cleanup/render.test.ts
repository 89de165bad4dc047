import { TAG_KEYS } from '../../../contract/tags';
import { loadEnvironment } from '../../../envs';
import { planCleanup } from '../../../ops/cleanup/plan';
import { buildScope } from '../../../ops/cleanup/scope';
import { planOf } from '../../../ops/command-context';
import { dryRunReport } from '../../../ops/cleanup/cleanup-build';
import { renderCleanup } from '../../../ops/cleanup/render';

const dev = loadEnvironment('dev');
const scope = buildScope(planOf(dev, '12'));

describe('renderCleanup', () => {
  it('prints what would be deleted in order with why it matched, what is kept and why, and what is left', () => {
    const ours = { [TAG_KEYS.env]: 'dev', [TAG_KEYS.lifecycle]: 'ephemeral', [TAG_KEYS.buildId]: '12' };
    const plan = planCleanup(
      [
        { kind: 'ec2-security-group', id: 'sg-1', region: 'eu-west-2', tags: ours, attributes: {} },
        { kind: 'elbv2-load-balancer', id: 'arn:lb', region: 'eu-west-2', tags: ours, attributes: {} },
        { kind: 'ec2-volume', id: 'vol-p', region: 'eu-west-2', tags: { ...ours, [TAG_KEYS.lifecycle]: 'persistent' }, attributes: {} },
      ],
      scope,
    );
    const text = renderCleanup(dryRunReport({ scope, plan, unsupported: [{ arn: 'arn:aws:sqs:eu-west-2:111111111111:goldenpath-dev-b-12-events', tags: ours }] }), false);
    expect(text.split('\n')).toEqual([
      'build 12 (cluster goldenpath-dev-b-12, eu-west-2, account 111111111111):',
      `    1. elbv2-load-balancer arn:lb: would delete; matched: tagged ${TAG_KEYS.buildId}=12`,
      `    2. ec2-security-group sg-1: would delete; matched: tagged ${TAG_KEYS.buildId}=12`,
      `  keep ec2-volume vol-p: protected, tagged ${TAG_KEYS.lifecycle}="persistent"`,
      '  unmanaged arn:aws:sqs:eu-west-2:111111111111:goldenpath-dev-b-12-events: tagged with the build; goldenpath does not delete sqs:goldenpath-dev-b-12-events: delete it by hand, and report the type so cleanup learns it',
      '  deleted 0, left 2, unmanaged 1',
    ]);
  });
});
