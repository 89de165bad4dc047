/** Process exit codes of every goldenpath command; CI branches on these. */
export const EXIT = {
  ok: 0,
  findings: 1,
  usage: 2,
  safetyRefusal: 3,
  partialFailure: 4,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_CODE_HELP = [
  'Exit codes:',
  `  ${EXIT.ok}  ok`,
  `  ${EXIT.findings}  findings or failed checks (preflight failed, orphans or expired builds found in a dry run)`,
  `  ${EXIT.usage}  usage error or bad input (unknown env, invalid build id, bad file)`,
  `  ${EXIT.safetyRefusal}  safety refusal (wrong account or region, --delete without --yes when not interactive)`,
  `  ${EXIT.partialFailure}  partial failure or unexpected error (some deletions or stages failed; re-run to finish)`,
].join('\n');
