import { resourcesOf, type Finding, type Rule } from './types';

const ID = 'rds-deletion-safety';

/** Where the environment demands it, an instance refuses deletion and leaves a final snapshot behind. */
export const rdsDeletionSafety: Rule = {
  id: ID,
  description: 'RDS deletion protection and a final snapshot wherever the environment demands them',
  check(tf, ctx) {
    const findings: Finding[] = [];
    for (const { address, config } of resourcesOf(tf, 'aws_db_instance')) {
      if (ctx.env.database.deletionProtection && config.deletion_protection !== true) {
        findings.push({ rule: ID, address, message: `${address} can be deleted, but ${ctx.env.name} demands deletion protection: set deletion_protection = true` });
      }
      const snapshotId = config.final_snapshot_identifier;
      if (ctx.env.database.finalSnapshot && (config.skip_final_snapshot === true || typeof snapshotId !== 'string' || snapshotId === '')) {
        findings.push({
          rule: ID,
          address,
          message: `${address} would be deleted without a final snapshot, but ${ctx.env.name} demands one: set skip_final_snapshot = false and a final_snapshot_identifier`,
        });
      }
    }
    return findings;
  },
};
