import { certManager } from '../../../../contract/catalog/apps/cert-manager';
import { persistent } from '../../../../contract/selection';
import { contractFor } from '../../../support/bootstrap-contract';

describe('certManager', () => {
  it('installs its CRDs with the chart', () => {
    expect(certManager.values(contractFor(persistent('dev')))).toEqual({ crds: { enabled: true } });
  });
});
