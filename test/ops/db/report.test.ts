import { formatProvisionReport } from '../../../ops/db/report';

const SERVER = 'db.internal:5432';

describe('formatProvisionReport', () => {
  it('says what changed per app and that unchanged apps are unchanged', () => {
    const text = formatProvisionReport({
      env: 'dev',
      dryRun: false,
      server: SERVER,
      apps: [
        { app: 'keycloak', outcome: 'updated', changes: ['set the password of role keycloak from its secret'], sql: ['ALTER ROLE "keycloak" WITH PASSWORD \'<redacted>\';'] },
        { app: 'backstage', outcome: 'unchanged', changes: [], sql: [] },
      ],
    });
    expect(text).toBe(['db provision dev on db.internal:5432', '  keycloak: updated: set the password of role keycloak from its secret', '  backstage: unchanged'].join('\n'));
  });

  it('prints the SQL under each app in a dry run', () => {
    const text = formatProvisionReport({
      env: 'dev',
      dryRun: true,
      server: SERVER,
      apps: [{ app: 'grafana', outcome: 'created', changes: ['create login role grafana'], sql: ['CREATE ROLE "grafana" WITH LOGIN NOCREATEDB PASSWORD \'<redacted>\';'] }],
    });
    expect(text).toBe(
      [
        'db provision dev on db.internal:5432 (dry run: nothing changed)',
        '  grafana: would be created, by: create login role grafana',
        '    CREATE ROLE "grafana" WITH LOGIN NOCREATEDB PASSWORD \'<redacted>\';',
      ].join('\n'),
    );
  });

  it('reports a failed app with its error', () => {
    const text = formatProvisionReport({ env: 'dev', dryRun: false, server: SERVER, apps: [{ app: 'loki', outcome: 'failed', error: 'boom' }] });
    expect(text).toContain('  loki: FAILED: boom');
  });
});
