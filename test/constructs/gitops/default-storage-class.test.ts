import { DefaultStorageClass, EBS_CSI_ADDON_ADDRESS } from '../../../constructs/gitops/default-storage-class';
import { renderDefaultStorageClass } from '../../../contract/storage-class';
import { only, synthConstructs } from '../../support/synth-scope';

const volumeTags = { 'goldenpath.idp/build-id': '26-01-23-01' };
const json = synthConstructs((scope) => new DefaultStorageClass(scope, 'storage', { clusterName: 'goldenpath-dev-b-26-01-23-01', volumeTags }));
const storageClass = () => only(json, 'resource', 'kubernetes_storage_class_v1');

describe('DefaultStorageClass', () => {
  it('creates exactly the rendered StorageClass', () => {
    const manifest = renderDefaultStorageClass(volumeTags);
    expect(storageClass()).toMatchObject({
      metadata: manifest.metadata,
      storage_provisioner: manifest.provisioner,
      parameters: manifest.parameters,
      volume_binding_mode: manifest.volumeBindingMode,
      reclaim_policy: manifest.reclaimPolicy,
      allow_volume_expansion: manifest.allowVolumeExpansion,
    });
  });

  it('checks the EBS CSI add-on of the cluster before creating it', () => {
    expect([only(json, 'data', 'aws_eks_addon'), storageClass().depends_on]).toEqual([
      expect.objectContaining({ addon_name: 'aws-ebs-csi-driver', cluster_name: 'goldenpath-dev-b-26-01-23-01' }),
      [EBS_CSI_ADDON_ADDRESS],
    ]);
  });
});
