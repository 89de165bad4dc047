/** Process exit codes of every goldenpath command; CI branches on these. */
export const EXIT = {
  ok: 0,
  findings: 1,
  usage: 2,
  safetyRefusal: 3,
  partialFailure: 4,
  credentials: 5,
  wrongAccount: 6,
  network: 7,
  throttled: 8,
  accessDenied: 9,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** What each code means and what to do about it: `--help` prints it, `--json` errors carry the hint. */
export const EXIT_CODE_MEANINGS: Readonly<Record<ExitCode, { readonly meaning: string; readonly hint: string }>> = {
  [EXIT.ok]: { meaning: 'ok', hint: '' },
  [EXIT.findings]: { meaning: 'findings or failed checks (preflight failed, orphans or expired builds found in a dry run)', hint: 'read the report: each finding names its fix' },
  [EXIT.usage]: { meaning: 'usage error or bad input (no command, unknown env, invalid build id, bad file)', hint: 'goldenpath <command> --help lists the options' },
  [EXIT.safetyRefusal]: { meaning: 'safety refusal (--delete or teardown without --yes when not interactive, not confirmed)', hint: 'review the dry run, then re-run with --yes' },
  [EXIT.partialFailure]: { meaning: 'partial failure or unexpected error (some deletions or stages failed; re-run to finish)', hint: 're-run the same command to finish; add --debug for a stack trace' },
  [EXIT.credentials]: { meaning: 'no AWS credentials, or expired or invalid ones', hint: 'set AWS_PROFILE (aws sso login for an SSO profile) or assume the env role, then re-run' },
  [EXIT.wrongAccount]: { meaning: "credentials for another account, or AWS_REGION set to another region, than the env's", hint: "use credentials of the env's account and unset AWS_REGION or set it to the env's region" },
  [EXIT.network]: { meaning: 'AWS unreachable (DNS, connection refused, timeout)', hint: 'check the network, HTTPS_PROXY and any AWS_ENDPOINT_URL variable, then re-run' },
  [EXIT.throttled]: { meaning: 'AWS kept throttling the calls after every retry', hint: 'wait a few minutes and re-run; another job may be calling the same account' },
  [EXIT.accessDenied]: { meaning: 'AWS denied a call: the identity lacks a permission', hint: "run with the env's CI role (its policy: node --import tsx ops/ci/print-iam-policies.ts --env <env>)" },
};

export const EXIT_CODE_HELP = ['Exit codes:', ...Object.entries(EXIT_CODE_MEANINGS).map(([code, m]) => `  ${code}  ${m.meaning}`)].join('\n');
