import { apiAccessFor, runnerReach, type EnvClusterApiAccess, type ObservedRunner } from '../../contract/cluster-api-access';
import type { Lifecycle } from '../../contract/lifecycle';
import type { CheckResult } from './checks';

/** What the runner stage knows about the runner it runs on: flags first, then GitHub's variables. */
export function observedRunner(
  flags: { readonly egressIp?: string; readonly runnerLabels?: string },
  vars: Readonly<Record<string, string | undefined>>,
): ObservedRunner {
  const labels = flags.runnerLabels ?? vars.RUNNER_LABELS;
  return {
    egressIp: flags.egressIp ?? vars.RUNNER_EGRESS_IP,
    labels: labels === undefined ? undefined : labels.split(','),
    hosting: vars.RUNNER_ENVIRONMENT,
  };
}

/**
 * Before any cluster is created: can this runner reach the endpoint the cluster
 * stack is about to create? An unknown egress address or label set fails too,
 * since a cluster CI cannot reach cannot be deployed, verified or drained.
 */
export function evaluateRunnerReach(input: { readonly env: string; readonly lifecycle: Lifecycle; readonly apiAccess: EnvClusterApiAccess }, runner: ObservedRunner): CheckResult {
  const access = apiAccessFor(input.apiAccess, input.lifecycle);
  const key = input.lifecycle === 'persistent' ? 'persistent' : 'builds';
  const reach = runnerReach(access, runner, `cluster.apiAccess.${key} in envs/${input.env}.ts`);
  return {
    check: `runner reaches the cluster API (${access.via})`,
    ok: reach.verdict === 'reachable',
    detail: reach.verdict === 'unknown' ? `cannot tell: ${reach.detail}` : reach.detail,
    ...(reach.fix === undefined ? {} : { fix: reach.fix }),
  };
}
