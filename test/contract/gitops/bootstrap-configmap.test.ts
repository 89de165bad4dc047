import { BOOTSTRAP_NAMES } from '../../../contract/argocd';
import { renderBootstrapConfigMap } from '../../../contract/gitops/bootstrap-configmap';
import { BootstrapValuesSchema } from '../../../contract/bootstrap-values';
import { ephemeral, persistent } from '../../../contract/selection';
import { contractFor } from '../../support/bootstrap-contract';
import { schemaErrors } from '../../support/kubernetes-validation';

describe('renderBootstrapConfigMap', () => {
  it('holds the whole contract as JSON that parses back to it', () => {
    const contract = contractFor(persistent('dev'));
    const json = renderBootstrapConfigMap(contract).data[BOOTSTRAP_NAMES.configMapKey];
    expect(BootstrapValuesSchema.parse(JSON.parse(json))).toEqual(contract);
  });

  it('is the goldenpath-bootstrap ConfigMap of the Argo CD namespace', () => {
    expect(renderBootstrapConfigMap(contractFor(persistent('dev'))).metadata).toEqual({ name: 'goldenpath-bootstrap', namespace: 'argocd' });
  });

  it('carries the encoding it is given (the stack passes Terraform jsonencode)', () => {
    expect(renderBootstrapConfigMap(contractFor(persistent('dev')), '${jsonencode(local.x)}').data[BOOTSTRAP_NAMES.configMapKey]).toBe('${jsonencode(local.x)}');
  });

  it('validates as a Kubernetes ConfigMap for a persistent cluster and a build', () => {
    const manifests = [persistent('dev'), ephemeral('dev', '26-01-23-01')].map((s) => ({ model: 'ConfigMap' as const, manifest: renderBootstrapConfigMap(contractFor(s)) }));
    expect(schemaErrors(manifests)).toEqual([[], []]);
  });
});
