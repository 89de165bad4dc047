import type { BootstrapValues } from '../bootstrap-values';
import { ARGOCD_NAMESPACE, BOOTSTRAP_NAMES } from '../argocd';

/**
 * The ConfigMap `goldenpath-bootstrap`: the whole contract as one JSON
 * document. `encoded` defaults to its JSON; the stack passes Terraform's
 * `jsonencode` of the same object so references resolve at apply.
 */
export function renderBootstrapConfigMap(values: BootstrapValues, encoded: string = JSON.stringify(values)) {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: BOOTSTRAP_NAMES.configMap, namespace: ARGOCD_NAMESPACE },
    data: { [BOOTSTRAP_NAMES.configMapKey]: encoded },
  } as const;
}
