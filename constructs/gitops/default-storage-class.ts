import { DataAwsEksAddon } from '@cdktf/provider-aws/lib/data-aws-eks-addon';
import type { StorageClassV1 } from '@cdktf/provider-kubernetes/lib/storage-class-v1';
import { Construct } from 'constructs';
import { DEFAULT_STORAGE_CLASS, EBS_CSI_ADDON, renderDefaultStorageClass } from '../../contract/storage-class';
import { kubernetesResource } from '../kubernetes/kubernetes-object';

const EBS_CSI_ADDON_LOGICAL_ID = 'ebs_csi';
/** Stable address of the add-on lookup, for conditions written as Terraform expressions. */
export const EBS_CSI_ADDON_ADDRESS = `data.aws_eks_addon.${EBS_CSI_ADDON_LOGICAL_ID}`;

export interface DefaultStorageClassProps {
  /** The EKS cluster whose EBS CSI add-on serves the class. */
  readonly clusterName: string;
  /** Tags every provisioned volume carries (the build identity), through EBS CSI `tagSpecification_N`. */
  readonly volumeTags: Readonly<Record<string, string>>;
}

/**
 * The cluster's default StorageClass (gp3, encrypted, WaitForFirstConsumer),
 * after checking the EBS CSI add-on that serves it exists on the cluster: a
 * missing add-on fails the plan at the data source instead of leaving
 * volumes pending at runtime.
 */
export class DefaultStorageClass extends Construct {
  readonly addon: DataAwsEksAddon;
  readonly storageClass: StorageClassV1;

  constructor(scope: Construct, id: string, props: DefaultStorageClassProps) {
    super(scope, id);
    this.addon = new DataAwsEksAddon(this, 'ebs_csi', { addonName: EBS_CSI_ADDON, clusterName: props.clusterName });
    this.addon.overrideLogicalId(EBS_CSI_ADDON_LOGICAL_ID);
    this.storageClass = kubernetesResource<StorageClassV1>(this, 'default', renderDefaultStorageClass(props.volumeTags), { dependsOn: [this.addon] });
    this.storageClass.overrideLogicalId(`storage_class_${DEFAULT_STORAGE_CLASS.name}`);
  }
}
