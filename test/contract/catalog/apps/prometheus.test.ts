import { prometheus } from '../../../../contract/catalog/apps/prometheus';
import { DEFAULT_STORAGE_CLASS } from '../../../../contract/storage-class';
import { ephemeral } from '../../../../contract/selection';
import { contractFor } from '../../../support/bootstrap-contract';
import { chartSchemaErrors } from '../../../support/chart-values-schema';

describe('prometheus', () => {
  const values = () =>
    prometheus.values(contractFor(ephemeral('dev', '26-01-23-01'))) as {
      alertmanager: { enabled: boolean };
      server: { persistentVolume: { storageClass: string }; ingress: { hosts: string[] } };
    };

  it('keeps its metrics on the default gp3 StorageClass', () => {
    expect(values().server.persistentVolume.storageClass).toBe(DEFAULT_STORAGE_CLASS.name);
  });

  it('serves its UI at prometheus.{hostSuffix}', () => {
    expect(values().server.ingress.hosts).toEqual(['prometheus.b-26-01-23-01.dev.goldenpathidp.io']);
  });

  it('leaves alerting to the separate alertmanager app', () => {
    expect(values().alertmanager.enabled).toBe(false);
  });

  it('passes the values schema of the prometheus 27.19.0 chart, platform globals included', () => {
    expect(chartSchemaErrors('prometheus.values.schema.json', prometheus, contractFor(ephemeral('dev', '26-01-23-01')))).toEqual([]);
  });
});
