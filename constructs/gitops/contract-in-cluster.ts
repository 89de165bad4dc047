import { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import { SecretV1 } from '@cdktf/provider-kubernetes/lib/secret-v1';
import { Fn, TerraformLocal } from 'cdktf';
import { Construct } from 'constructs';
import type { BootstrapValues } from '../../contract/bootstrap-values';
import { renderBootstrapConfigMap } from '../../contract/gitops/bootstrap-configmap';
import { renderClusterSecret } from '../../contract/gitops/cluster-secret';
import { terraformLiteral } from '../terraform-literal';

/** Terraform address of the contract object: `local.bootstrap_values`. */
export const BOOTSTRAP_VALUES_LOCAL = 'bootstrap_values';

export interface ContractInClusterProps {
  readonly contract: BootstrapValues;
  /** The Argo CD namespace's name reference, so both objects wait for it. */
  readonly namespace: string;
}

/**
 * The contract where the cluster and Argo CD read it: one Terraform local
 * holding the derived object, JSON-encoded into the `goldenpath-bootstrap`
 * ConfigMap, and projected onto the in-cluster Argo CD cluster Secret's
 * labels and annotations. `encoded` is the same JSON for the stack output.
 */
export class ContractInCluster extends Construct {
  readonly encoded: string;
  readonly configMap: ConfigMapV1;
  readonly clusterSecret: SecretV1;

  constructor(scope: Construct, id: string, props: ContractInClusterProps) {
    super(scope, id);
    const local = new TerraformLocal(this, 'values', terraformLiteral(props.contract));
    local.overrideLogicalId(BOOTSTRAP_VALUES_LOCAL);
    this.encoded = Fn.jsonencode(local.expression);

    const configMap = renderBootstrapConfigMap(props.contract, this.encoded);
    this.configMap = new ConfigMapV1(this, 'config_map', {
      metadata: { name: configMap.metadata.name, namespace: props.namespace },
      data: configMap.data,
    });

    const secret = terraformLiteral(renderClusterSecret(props.contract));
    this.clusterSecret = new SecretV1(this, 'cluster_secret', {
      metadata: { name: secret.metadata.name, namespace: props.namespace, labels: secret.metadata.labels, annotations: secret.metadata.annotations },
      type: secret.type,
      data: secret.stringData,
    });
  }
}
