import type { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import type { SecretV1 } from '@cdktf/provider-kubernetes/lib/secret-v1';
import { Fn, TerraformLocal } from 'cdktf';
import { Construct } from 'constructs';
import type { BootstrapValues } from '../../contract/bootstrap-values';
import { renderBootstrapConfigMap } from '../../contract/gitops/bootstrap-configmap';
import { renderClusterSecret } from '../../contract/gitops/cluster-secret';
import { kubernetesResource } from '../kubernetes/kubernetes-object';
import { terraformLiteral } from '../terraform-literal';

/** Terraform address of the contract object: `local.bootstrap_values`. */
export const BOOTSTRAP_VALUES_LOCAL = 'bootstrap_values';

export interface ContractInClusterProps {
  /** The bootstrap values contract the platform stack derived. */
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

    this.configMap = kubernetesResource<ConfigMapV1>(this, 'config_map', renderBootstrapConfigMap(props.contract, this.encoded), { namespace: props.namespace });
    this.clusterSecret = kubernetesResource<SecretV1>(this, 'cluster_secret', terraformLiteral(renderClusterSecret(props.contract)), { namespace: props.namespace });
  }
}
