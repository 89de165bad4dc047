import { VERSIONS } from './versions';

/**
 * The default StorageClass the platform stack creates (tier 1.5 needs it):
 * encrypted gp3 through the EBS CSI driver, bound where the pod lands so a
 * volume is created in the pod's availability zone.
 */
export const DEFAULT_STORAGE_CLASS = {
  name: 'gp3',
  provisioner: 'ebs.csi.aws.com',
  parameters: { type: 'gp3', encrypted: 'true' },
  volumeBindingMode: 'WaitForFirstConsumer',
  reclaimPolicy: 'Delete',
  allowVolumeExpansion: true,
} as const;

/** Marks a StorageClass as the cluster default. */
export const DEFAULT_STORAGE_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';

/** The EKS add-on that serves `DEFAULT_STORAGE_CLASS.provisioner` (the cluster stack installs it at its pinned version). */
export const EBS_CSI_ADDON = 'aws-ebs-csi-driver' satisfies keyof typeof VERSIONS.eksAddons;

/**
 * StorageClass parameters of the EBS CSI driver: the class's own plus one
 * `tagSpecification_N` per tag, so every volume carries the build identity
 * and teardown finds it.
 */
export function storageClassParameters(volumeTags: Readonly<Record<string, string>>): Record<string, string> {
  const tagParameters = Object.entries(volumeTags).map(([key, value], i) => [`tagSpecification_${i + 1}`, `${key}=${value}`]);
  return { ...DEFAULT_STORAGE_CLASS.parameters, ...Object.fromEntries(tagParameters) };
}

/** The StorageClass manifest (the construct creates exactly this). */
export function renderDefaultStorageClass(volumeTags: Readonly<Record<string, string>>) {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: DEFAULT_STORAGE_CLASS.name, annotations: { [DEFAULT_STORAGE_CLASS_ANNOTATION]: 'true' } },
    provisioner: DEFAULT_STORAGE_CLASS.provisioner,
    parameters: storageClassParameters(volumeTags),
    volumeBindingMode: DEFAULT_STORAGE_CLASS.volumeBindingMode,
    reclaimPolicy: DEFAULT_STORAGE_CLASS.reclaimPolicy,
    allowVolumeExpansion: DEFAULT_STORAGE_CLASS.allowVolumeExpansion,
  } as const;
}
