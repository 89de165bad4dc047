import { Command } from 'commander';
import { ciRoles, type CiRole } from '../../contract/ci/ci-roles';
import { loadEnvironment } from '../../envs';

/** What the view prints of a role: `{ roleName, roleArn, trust, policy, boundary? }`. */
export function roleView(role: CiRole): Pick<CiRole, 'roleName' | 'roleArn' | 'trust' | 'policy' | 'boundary'> {
  const { roleName, roleArn, trust, policy, boundary } = role;
  return { roleName, roleArn, trust, policy, ...(boundary === undefined ? {} : { boundary }) };
}

/**
 * Prints every CI role of an env as the {env}-bootstrap stack creates it
 * (name, ARN, trust policy, permissions policy, permissions boundary) as JSON:
 *   node --import tsx ops/ci/print-iam-policies.ts --env dev [--repository owner/name]
 */
function main(argv: readonly string[]): number {
  const opts = new Command('print-iam-policies')
    .description('Print the CI roles of an env, generated from the program, as JSON')
    .requiredOption('--env <env>', 'environment name (envs/)')
    .option('--repository <owner/name>', "the GitHub repository whose workflows assume the roles (default: the env's github.repository)")
    .parse([...argv], { from: 'user' })
    .opts<{ env: string; repository?: string }>();
  try {
    const env = loadEnvironment(opts.env);
    const roles = ciRoles(env, opts.repository ?? env.github.repository);
    process.stdout.write(`${JSON.stringify(Object.fromEntries(Object.entries(roles).map(([key, role]) => [key, roleView(role)])), null, 2)}\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`print-iam-policies: ${(err as Error).message}\n`);
    return 2;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
