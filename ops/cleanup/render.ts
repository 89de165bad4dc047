import type { CleanupReport } from './cleanup-build';
import { resourceTypeOf } from '../aws/tagged-resources';

/** What to do about a type cleanup does not manage, by `service:type`. */
const UNMANAGED_HINTS: Readonly<Record<string, string>> = {
  'rds:db': 'a build never creates a database: check who tagged it, then delete it in the RDS console',
  'secretsmanager:secret': 'delete it with aws secretsmanager delete-secret --force-delete-without-recovery',
  'ssm:parameter': 'delete it with aws ssm delete-parameter',
};

/** The hint printed for an unmanaged leftover. */
export function unmanagedHint(arn: string): string {
  const type = resourceTypeOf(arn);
  return UNMANAGED_HINTS[type] ?? `goldenpath does not delete ${type}: delete it by hand, and report the type so cleanup learns it`;
}

/** The printed plan: what, why it matched, in which order; then what is kept and why. */
export function renderCleanup(report: CleanupReport, deleting: boolean): string {
  const { plan, scope } = report;
  const lines = [`build ${scope.buildId} (cluster ${scope.clusterName}, ${scope.region}, account ${scope.accountId}):`];
  if (plan.deletions.length === 0) lines.push('  nothing to delete');
  const outcome = new Map((report.outcomes ?? []).map((o) => [`${o.resource.kind}:${o.resource.id}`, o]));
  plan.deletions.forEach((d, i) => {
    const o = outcome.get(`${d.resource.kind}:${d.resource.id}`);
    const status = o === undefined ? (deleting ? 'pending' : 'would delete') : o.status + (o.error ? ` (${o.error})` : '');
    lines.push(`  ${String(i + 1).padStart(3)}. ${d.resource.kind} ${d.resource.id}: ${status}; matched: ${d.reason}`);
  });
  for (const s of plan.skipped) lines.push(`  keep ${s.resource.kind} ${s.resource.id}: ${s.verdict}, ${s.reason}`);
  for (const g of plan.going) lines.push(`  going ${g.resource.kind} ${g.resource.id}: still listed by AWS, deletion under way or done`);
  for (const u of report.unsupported) lines.push(`  unmanaged ${u.arn}: tagged with the build; ${unmanagedHint(u.arn)}`);
  lines.push(`  deleted ${report.deleted}, left ${report.left}, unmanaged ${report.unsupported.length}`);
  return lines.join('\n');
}

/** JSON shape of a report: stable field names for CI. */
export function cleanupJson(report: CleanupReport): unknown {
  return {
    buildId: report.scope.buildId,
    clusterName: report.scope.clusterName,
    deletions: report.plan.deletions.map((d, order) => ({ order: order + 1, kind: d.resource.kind, id: d.resource.id, reason: d.reason })),
    skipped: report.plan.skipped.map((s) => ({ kind: s.resource.kind, id: s.resource.id, verdict: s.verdict, reason: s.reason })),
    going: report.plan.going.map((g) => ({ kind: g.resource.kind, id: g.resource.id })),
    unmanaged: report.unsupported.map((u) => ({ arn: u.arn, hint: unmanagedHint(u.arn) })),
    outcomes: report.outcomes?.map((o) => ({ kind: o.resource.kind, id: o.resource.id, status: o.status, attempts: o.attempts, error: o.error })),
    deleted: report.deleted,
    left: report.left,
  };
}
