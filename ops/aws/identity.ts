import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import { ciRoleArn } from '../../contract/ci/cluster-access';
import type { Environment } from '../../envs/schema';
import { WrongAccountError } from '../errors';

/** The shell's region setting and the variable it came from (AWS_REGION wins over AWS_DEFAULT_REGION, as in the SDK). */
export interface ConfiguredRegion {
  readonly variable: 'AWS_REGION' | 'AWS_DEFAULT_REGION';
  readonly region: string;
}

export interface CallerContext {
  readonly account: string;
  readonly configuredRegion?: ConfiguredRegion;
}

export function configuredRegion(vars: Readonly<Record<string, string | undefined>>): ConfiguredRegion | undefined {
  if (vars.AWS_REGION !== undefined) return { variable: 'AWS_REGION', region: vars.AWS_REGION };
  if (vars.AWS_DEFAULT_REGION !== undefined) return { variable: 'AWS_DEFAULT_REGION', region: vars.AWS_DEFAULT_REGION };
  return undefined;
}

/** Why this caller must not act on this env (empty when it may). */
export function identityProblems(caller: CallerContext, env: Environment): string[] {
  const problems: string[] = [];
  if (caller.account !== env.account.id) {
    problems.push(`credentials are for account ${caller.account}, but env "${env.name}" lives in ${env.account.id}: use that account's credentials (AWS_PROFILE)`);
  }
  const configured = caller.configuredRegion;
  if (configured !== undefined && configured.region !== env.account.region) {
    problems.push(`${configured.variable} is ${configured.region}, but env "${env.name}" lives in ${env.account.region}: unset it or set it to ${env.account.region}`);
  }
  return problems;
}

/** STS GetCallerIdentity first: refuses (exit 6) before any other call when account or region do not match. */
export async function assertCallerMatchesEnv(sts: STSClient, env: Environment, vars: Readonly<Record<string, string | undefined>>): Promise<string> {
  const identity = await sts.send(new GetCallerIdentityCommand({}));
  const problems = identityProblems({ account: identity.Account ?? '', configuredRegion: configuredRegion(vars) }, env);
  if (problems.length > 0) {
    throw new WrongAccountError(
      `refusing to act on env "${env.name}": ${problems.join('; ')}`,
      `the env's deploy role is ${ciRoleArn(env, 'deploy')}; with AWS_PROFILE, pick a profile of account ${env.account.id}`,
    );
  }
  return identity.Arn ?? '';
}
