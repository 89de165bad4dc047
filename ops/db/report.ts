import type { ProvisionReport } from './provision';

/** The human report: one line per app saying what happened, the SQL under it in a dry run. */
export function formatProvisionReport(report: ProvisionReport): string {
  const lines = [`db provision ${report.env} on ${report.server}${report.dryRun ? ' (dry run: nothing changed)' : ''}`];
  for (const app of report.apps) {
    if (app.outcome === 'failed') {
      lines.push(`  ${app.app}: FAILED: ${app.error}`);
      continue;
    }
    if (app.outcome === 'unchanged') {
      lines.push(`  ${app.app}: unchanged`);
      continue;
    }
    lines.push(report.dryRun ? `  ${app.app}: would be ${app.outcome}, by: ${app.changes.join('; ')}` : `  ${app.app}: ${app.outcome}: ${app.changes.join('; ')}`);
    if (report.dryRun) lines.push(...app.sql.map((s) => `    ${s}`));
  }
  return lines.join('\n');
}
