import { certManager } from '../../../../contract/catalog/apps/cert-manager';
import { persistent } from '../../../../contract/selection';
import { contractFor } from '../../../support/bootstrap-contract';
import { chartSchemaErrors } from '../../../support/chart-values-schema';

describe('certManager', () => {
  it('installs its CRDs with the chart', () => {
    expect(certManager.values(contractFor(persistent('dev')))).toEqual({ crds: { enabled: true } });
  });

  it('passes the closed values schema of cert-manager v1.17.0, platform globals included (crds.enabled, not installCRDs)', () => {
    expect(chartSchemaErrors('cert-manager.values.schema.json', certManager, contractFor(persistent('dev')))).toEqual([]);
  });
});
