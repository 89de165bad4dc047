import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import type { Environment } from '../../envs/schema';
import { SafetyRefusal } from '../errors';

export interface CallerContext {
  readonly account: string;
  /** AWS_REGION / AWS_DEFAULT_REGION of the shell, when set. */
  readonly configuredRegion?: string;
}

/** Why this caller must not act on this env (empty when it may). */
export function identityProblems(caller: CallerContext, env: Environment): string[] {
  const problems: string[] = [];
  if (caller.account !== env.account.id) {
    problems.push(`credentials are for account ${caller.account}, but env "${env.name}" lives in ${env.account.id}: use that account's credentials (AWS_PROFILE)`);
  }
  if (caller.configuredRegion !== undefined && caller.configuredRegion !== env.account.region) {
    problems.push(`AWS_REGION is ${caller.configuredRegion}, but env "${env.name}" lives in ${env.account.region}: unset it or set it to ${env.account.region}`);
  }
  return problems;
}

/** STS GetCallerIdentity first: refuses (exit 3) before any other call when account or region do not match. */
export async function assertCallerMatchesEnv(sts: STSClient, env: Environment, configuredRegion: string | undefined): Promise<string> {
  const identity = await sts.send(new GetCallerIdentityCommand({}));
  const problems = identityProblems({ account: identity.Account ?? '', configuredRegion }, env);
  if (problems.length > 0) throw new SafetyRefusal(`refusing to act on env "${env.name}":\n  - ${problems.join('\n  - ')}`);
  return identity.Arn ?? '';
}
