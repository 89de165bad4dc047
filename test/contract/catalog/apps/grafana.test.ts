import { grafana } from '../../../../contract/catalog/apps/grafana';
import { resolveApp } from '../../../../contract/catalog/select';
import { appDatabaseKubernetesSecretName } from '../../../../contract/naming';
import { ephemeral, persistent } from '../../../../contract/selection';
import { ALL_CAPABILITIES, contractFor, FAKE_DATABASE_HOST } from '../../../support/bootstrap-contract';

type GrafanaValues = {
  persistence: { enabled: boolean; storageClassName?: string };
  'grafana.ini': { database: Record<string, string>; server: { root_url: string } };
  envValueFrom?: Record<string, { secretKeyRef: { name: string; key: string } }>;
};

describe('grafana', () => {
  it('uses SQLite on a gp3 volume at tier 1.5', () => {
    const values = grafana.values(contractFor(ephemeral('dev', '26-01-23-01'))) as GrafanaValues;
    expect([values['grafana.ini'].database.type, values.persistence]).toEqual(['sqlite3', { enabled: true, storageClassName: 'gp3', size: '1Gi' }]);
  });

  it('uses the env PostgreSQL at tier 2', () => {
    const values = grafana.values(contractFor(persistent('staging'))) as GrafanaValues;
    expect(values['grafana.ini'].database).toEqual({ type: 'postgres', host: `${FAKE_DATABASE_HOST}:5432`, name: 'grafana', user: 'grafana', ssl_mode: 'require' });
  });

  it('reads the PostgreSQL password from the app database Secret', () => {
    const values = grafana.values(contractFor(persistent('dev'))) as GrafanaValues;
    expect(values.envValueFrom?.GF_DATABASE_PASSWORD.secretKeyRef).toEqual({ name: appDatabaseKubernetesSecretName('grafana'), key: 'password' });
  });

  it('serves its UI at grafana.{hostSuffix}', () => {
    expect((grafana.values(contractFor(persistent('dev'))) as GrafanaValues)['grafana.ini'].server.root_url).toBe('https://grafana.dev.goldenpathidp.io');
  });

  it('refuses tier 2 without the database, naming the database stack', () => {
    const contract = contractFor(persistent('dev'), { platform: { ...ALL_CAPABILITIES, rdsAvailable: false } });
    expect(() => grafana.values(contract)).toThrow(/app "grafana" needs the database endpoint.*deploy the dev-database stack first \(GOLDENPATH_ENV=dev npx cdktf deploy dev-database\)/);
  });

  it('stays one catalog entry: tier 1.5, wave 52, storage-class, no database below maxTier 2', () => {
    const { tier, syncWave, requires, database } = resolveApp(grafana, 1.5);
    expect([tier, syncWave, requires, database]).toEqual([1.5, 52, ['storage-class'], undefined]);
  });

  it('from maxTier 2 on takes tier 2 (gated by the tier-2 label), wave 102, requires rds and uses its database', () => {
    const at = (maxTier: 2 | 3) => {
      const { tier, syncWave, requires, database } = resolveApp(grafana, maxTier);
      return [tier, syncWave, requires, database];
    };
    expect([at(2), at(3)]).toEqual([
      [2, 102, ['rds'], 'grafana'],
      [2, 102, ['rds'], 'grafana'],
    ]);
  });
});
