import { externalDns } from '../../../../contract/catalog/apps/external-dns';
import { EXTERNAL_DNS_REGISTRY } from '../../../../contract/external-dns';
import { dnsOwnerId, irsaRoleName } from '../../../../contract/naming';
import { IRSA_ROLE_ARN_ANNOTATION } from '../../../../contract/service-accounts';
import { ephemeral, persistent } from '../../../../contract/selection';
import { contractFor, FAKE_ZONE_ID } from '../../../support/bootstrap-contract';
import { chartSchemaErrors } from '../../../support/chart-values-schema';

const build = ephemeral('dev', '26-01-23-01');
const values = () => externalDns.values(contractFor(build)) as Record<string, unknown> & { extraArgs: string[]; serviceAccount: { annotations: Record<string, string> } };

describe('externalDns', () => {
  it('filters to the build host suffix only', () => {
    expect(values().domainFilters).toEqual(['b-26-01-23-01.dev.goldenpathidp.io']);
  });

  it('owns records under the DNS owner id of the selection with the sync policy', () => {
    expect([values().txtOwnerId, values().policy, values().registry]).toEqual([dnsOwnerId(build), 'sync', 'txt']);
  });

  it('names TXT registry records with the contract prefix and wildcard replacement', () => {
    expect([values().txtPrefix, values().extraArgs]).toEqual([
      EXTERNAL_DNS_REGISTRY.txtPrefix,
      expect.arrayContaining([`--txt-wildcard-replacement=${EXTERNAL_DNS_REGISTRY.txtWildcardReplacement}`]),
    ]);
  });

  it('writes only to the env zone', () => {
    expect(values().extraArgs).toContain(`--zone-id-filter=${FAKE_ZONE_ID}`);
  });

  it('matches the env zone as the parent of a build domain filter', () => {
    expect(values().extraArgs).toContain('--aws-zone-match-parent');
  });

  it('assumes the build external-dns role', () => {
    expect(values().serviceAccount.annotations[IRSA_ROLE_ARN_ANNOTATION]).toBe(`arn:aws:iam::111111111111:role/${irsaRoleName(build, 'external-dns')}`);
  });

  it('refuses a contract without the zone id, naming the dns stack', () => {
    const contract = { ...contractFor(persistent('dev')), dns: { ...contractFor(persistent('dev')).dns, zoneId: null } };
    expect(() => externalDns.values(contract)).toThrow(/app "external-dns" needs the hosted zone id.*dns stack/);
  });

  it('keeps its release name equal to the service account name the IRSA role trusts (the chart derives the account from it)', () => {
    expect(externalDns.name).toBe('external-dns');
  });

  it('passes the values schema of the external-dns 1.17.0 chart, platform globals included', () => {
    expect(chartSchemaErrors('external-dns.values.schema.json', externalDns, contractFor(build))).toEqual([]);
  });
});
