import { foundationDeployCommand } from '../../deploy-command';
import { foundationStackName } from '../../naming';
import { LIFECYCLES } from '../../lifecycle';
import { SERVICE_ACCOUNTS } from '../../service-accounts';
import { CHARTS } from '../../versions';
import type { CatalogApp } from '../types';
import { irsaAnnotations, MissingContractValueError } from './app-wiring';
import { CLUSTER_KINDS as K, CLUSTER_RBAC } from '../../cluster-resources';

/**
 * Writes the cluster's hostnames to Route53, only below hostSuffix and only
 * in the env zone; the TXT registry names stay inside the space the IAM
 * guard allows. The service account name is the release name (the chart's
 * schema takes no explicit name), which is what the IRSA role trusts.
 */
export const externalDns: CatalogApp = {
  name: 'external-dns',
  tier: 1,
  syncWave: 20,
  namespace: SERVICE_ACCOUNTS['external-dns'].namespace,
  chart: CHARTS.externalDns,
  requires: ['irsa'],
  lifecycles: LIFECYCLES,
  // chart 1.17.0: crds/ (DNSEndpoint), clusterrole.yaml and clusterrolebinding.yaml (namespaced: false).
  clusterResources: [K.customResourceDefinition, ...CLUSTER_RBAC],
  irsaRole: 'external-dns',
  values: (c) => {
    const { zoneId } = c.dns;
    if (zoneId === null) throw new MissingContractValueError('external-dns', 'the hosted zone id', `deploy the ${foundationStackName(c.env, 'dns')} stack first (${foundationDeployCommand(c.env, 'dns')}); the platform stack reads it from the dns foundation document`);
    return {
      provider: { name: 'aws' },
      env: [{ name: 'AWS_DEFAULT_REGION', value: c.aws.region }],
      sources: ['service', 'ingress'],
      registry: 'txt',
      policy: c.dns.policy,
      domainFilters: c.dns.domainFilters,
      txtOwnerId: c.dns.ownerId,
      txtPrefix: c.dns.txtPrefix,
      // A build's domain filter sits below the env zone; without zone-match-parent ExternalDNS would find no zone.
      extraArgs: [`--txt-wildcard-replacement=${c.dns.txtWildcardReplacement}`, `--zone-id-filter=${zoneId}`, '--aws-zone-match-parent'],
      serviceAccount: { create: true, annotations: irsaAnnotations('external-dns', 'external-dns', c) },
    };
  },
};
