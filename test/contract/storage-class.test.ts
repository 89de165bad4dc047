import { DEFAULT_STORAGE_CLASS_ANNOTATION, renderDefaultStorageClass, storageClassParameters } from '../../contract/storage-class';
import { schemaErrors } from '../support/kubernetes-validation';

const tags = { 'goldenpath.idp/build-id': '26-01-23-01', 'goldenpath.idp/env': 'dev' };

describe('storageClassParameters', () => {
  it('asks for encrypted gp3', () => {
    expect(storageClassParameters({})).toEqual({ type: 'gp3', encrypted: 'true' });
  });

  it('tags every volume with one tagSpecification per tag', () => {
    expect(storageClassParameters(tags)).toMatchObject({ tagSpecification_1: 'goldenpath.idp/build-id=26-01-23-01', tagSpecification_2: 'goldenpath.idp/env=dev' });
  });
});

describe('renderDefaultStorageClass', () => {
  it('is the cluster default, provisioned by the EBS CSI driver once a pod is scheduled', () => {
    const sc = renderDefaultStorageClass(tags);
    expect([sc.metadata.annotations[DEFAULT_STORAGE_CLASS_ANNOTATION], sc.provisioner, sc.volumeBindingMode]).toEqual(['true', 'ebs.csi.aws.com', 'WaitForFirstConsumer']);
  });

  it('validates as a Kubernetes StorageClass', () => {
    expect(schemaErrors([{ model: 'StorageClass', manifest: renderDefaultStorageClass(tags) }])).toEqual([[]]);
  });
});
