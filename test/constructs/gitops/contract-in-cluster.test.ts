import { BOOTSTRAP_VALUES_LOCAL, ContractInCluster } from '../../../constructs/gitops/contract-in-cluster';
import { BOOTSTRAP_NAMES } from '../../../contract/argocd';
import { renderClusterSecret } from '../../../contract/gitops/cluster-secret';
import { ephemeral } from '../../../contract/selection';
import { contractFor } from '../../support/bootstrap-contract';
import { only, synthConstructs, terraformUnescape } from '../../support/synth-scope';

const contract = contractFor(ephemeral('dev', '26-01-23-01'));
const json = synthConstructs((scope) => new ContractInCluster(scope, 'contract', { contract, namespace: 'argocd' }));

describe('ContractInCluster', () => {
  it('holds the contract in one local, literally (the TXT prefix keeps its %{record_type})', () => {
    expect(terraformUnescape(json.locals[BOOTSTRAP_VALUES_LOCAL])).toEqual(JSON.parse(JSON.stringify(contract)));
  });

  it('escapes the TXT prefix so Terraform does not read it as a template', () => {
    expect(json.locals[BOOTSTRAP_VALUES_LOCAL].dns.txtPrefix).toBe(contract.dns.txtPrefix.replace('%{', '%%{'));
  });

  it('writes the JSON of that local into the goldenpath-bootstrap ConfigMap', () => {
    const configMap = only(json, 'resource', 'kubernetes_config_map_v1');
    expect([configMap.metadata.name, configMap.data[BOOTSTRAP_NAMES.configMapKey]]).toEqual([BOOTSTRAP_NAMES.configMap, `\${jsonencode(local.${BOOTSTRAP_VALUES_LOCAL})}`]);
  });

  it('gives the cluster Secret exactly the rendered labels and annotations', () => {
    const secret = only(json, 'resource', 'kubernetes_secret_v1');
    const rendered = renderClusterSecret(contract);
    expect(terraformUnescape([secret.metadata.labels, secret.metadata.annotations, secret.data])).toEqual([rendered.metadata.labels, rendered.metadata.annotations, rendered.stringData]);
  });
});
