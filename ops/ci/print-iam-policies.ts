import { Command } from 'commander';
import { loadEnvironment, type Environment } from '../../envs';
import { ciRoles } from '../../contract/ci/ci-roles';

/**
 * Prints the two CI roles of an env (name, ARN, trust policy, permissions
 * policy) as JSON, for whoever creates them in the account:
 *   node --import tsx ops/ci/print-iam-policies.ts --env dev --repository owner/name
 */
function main(argv: readonly string[]): number {
  const opts = new Command('print-iam-policies')
    .description('Print the ci-deploy and reaper roles of an env, generated from the program, as JSON')
    .requiredOption('--env <env>', 'environment name (envs/)')
    .requiredOption('--repository <owner/name>', 'the GitHub repository whose workflows assume the roles')
    .parse([...argv], { from: 'user' })
    .opts<{ env: string; repository: string }>();
  let env: Environment;
  try {
    env = loadEnvironment(opts.env);
    process.stdout.write(`${JSON.stringify(ciRoles(env, opts.repository), null, 2)}\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`print-iam-policies: ${(err as Error).message}\n`);
    return 2;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
