import type { CiRoleKey } from './names';

/**
 * The longest job that assumes each CI role, in minutes: the workflows'
 * `timeout-minutes` may not exceed it (a test holds them to it), and the
 * role's MaxSessionDuration and the workflows' `role-duration-seconds` are
 * derived from it, so credentials never expire under a running job.
 */
export const CI_LONGEST_JOB_MINUTES: Readonly<Record<CiRoleKey, number>> = {
  // deploy-environment: network, dns, database, cluster and platform in one job.
  deploy: 150,
  // ephemeral-build: the deploy job and the teardown job.
  build: 90,
  reaper: 60,
  validation: 30,
};

/** Whole hours (IAM's MaxSessionDuration is 1 to 12 hours) covering the job with a quarter hour to spare. */
export function ciSessionSeconds(role: CiRoleKey): number {
  const hours = Math.ceil((CI_LONGEST_JOB_MINUTES[role] + 15) / 60);
  return Math.min(12, Math.max(1, hours)) * 3600;
}
