import { clusterLogGroupName, envZoneName } from '../../../contract/naming';
import { ephemeral } from '../../../contract/selection';
import { loadEnvironment } from '../../../envs';
import { buildScope } from '../../../ops/cleanup/scope';
import { planOf } from '../../../ops/command-context';

const dev = loadEnvironment('dev');

describe('buildScope', () => {
  it('looks for the build records in the env zone, which holds the build host suffix', () => {
    const scope = buildScope(planOf(dev, '12'));
    expect(scope.zoneName).toBe(envZoneName({ name: dev.name, baseDomain: dev.dns.baseDomain }));
    expect(scope.hostSuffix.endsWith(`.${scope.zoneName}`)).toBe(true);
  });

  it('covers the control plane log group EKS writes for the build cluster, and not that of a build whose id it prefixes', () => {
    const { logGroupPrefix } = buildScope(planOf(dev, '12'));
    expect(clusterLogGroupName(ephemeral(dev.name, '12')).startsWith(logGroupPrefix)).toBe(true);
    expect(clusterLogGroupName(ephemeral(dev.name, '123')).startsWith(logGroupPrefix)).toBe(false);
  });
});
