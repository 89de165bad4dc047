import { alertmanager } from '../../../../contract/catalog/apps/alertmanager';
import { DEFAULT_STORAGE_CLASS } from '../../../../contract/storage-class';
import { persistent } from '../../../../contract/selection';
import { contractFor } from '../../../support/bootstrap-contract';
import { chartSchemaErrors } from '../../../support/chart-values-schema';

describe('alertmanager', () => {
  const values = () =>
    alertmanager.values(contractFor(persistent('dev'))) as { baseURL: string; persistence: { storageClass: string }; ingress: { hosts: { host: string }[] } };

  it('keeps its state on the default gp3 StorageClass', () => {
    expect(values().persistence.storageClass).toBe(DEFAULT_STORAGE_CLASS.name);
  });

  it('serves and links back to alertmanager.{hostSuffix}', () => {
    expect([values().ingress.hosts[0].host, values().baseURL]).toEqual(['alertmanager.dev.goldenpathidp.io', 'https://alertmanager.dev.goldenpathidp.io']);
  });

  it('passes the values schema of the alertmanager 1.21.0 chart, platform globals included', () => {
    expect(chartSchemaErrors('alertmanager.values.schema.json', alertmanager, contractFor(persistent('dev')))).toEqual([]);
  });
});
