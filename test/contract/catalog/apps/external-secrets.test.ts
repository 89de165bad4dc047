import { externalSecrets } from '../../../../contract/catalog/apps/external-secrets';
import { irsaRoleName } from '../../../../contract/naming';
import { IRSA_ROLE_ARN_ANNOTATION, SERVICE_ACCOUNTS } from '../../../../contract/service-accounts';
import { persistent } from '../../../../contract/selection';
import { contractFor } from '../../../support/bootstrap-contract';
import { chartSchemaErrors } from '../../../support/chart-values-schema';

describe('externalSecrets', () => {
  it('runs under the service account its IRSA role trusts, annotated with that role', () => {
    const values = externalSecrets.values(contractFor(persistent('dev'))) as { serviceAccount: { name: string; annotations: Record<string, string> } };
    expect([values.serviceAccount.name, values.serviceAccount.annotations[IRSA_ROLE_ARN_ANNOTATION]]).toEqual([
      SERVICE_ACCOUNTS['external-secrets'].serviceAccount,
      `arn:aws:iam::111111111111:role/${irsaRoleName(persistent('dev'), 'external-secrets')}`,
    ]);
  });

  it('installs its CRDs with the chart', () => {
    expect(externalSecrets.values(contractFor(persistent('dev'))).installCRDs).toBe(true);
  });

  it('passes the values schema of the external-secrets 2.0.0 chart, platform globals included', () => {
    expect(chartSchemaErrors('external-secrets.values.schema.json', externalSecrets, contractFor(persistent('dev')), '2020-12')).toEqual([]);
  });
});
