import type { CiRoleKey } from './names';

/** The workflow file each CI role is pinned to (`job_workflow_ref`), under `.github/workflows/`. */
export const CI_ROLE_WORKFLOWS: Readonly<Record<CiRoleKey, string>> = {
  deploy: 'deploy-environment.yml',
  build: 'ephemeral-build.yml',
  reaper: 'orphan-reaper.yml',
  validation: 'tier-validation.yml',
};

export const DEFAULT_BRANCH_REF = 'refs/heads/main';
