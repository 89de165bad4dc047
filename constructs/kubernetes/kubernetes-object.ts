import type { ITerraformDependable, TerraformResource } from 'cdktf';
import type { Construct } from 'constructs';

/** A Kubernetes object as contract renders it (kubernetes-models shapes): apiVersion, kind, metadata and the kind's fields. */
export interface KubernetesObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata?: object;
}

export interface KubernetesResourceOptions {
  /**
   * The namespace as a Terraform reference (e.g. the namespace resource's
   * `metadata.name`), replacing the rendered literal so the object is created
   * after its namespace.
   * @default the rendered metadata.namespace
   */
  readonly namespace?: string;
  /** @default none */
  readonly dependsOn?: readonly ITerraformDependable[];
  /**
   * Provider-only arguments that are no part of the Kubernetes object
   * (e.g. `waitForCompletion` of kubernetes_job_v1).
   * @default none
   */
  readonly providerArguments?: Readonly<Record<string, unknown>>;
}

type ResourceClass = new (scope: Construct, id: string, config: never) => TerraformResource;

interface KindMapping {
  /** The typed provider resource; required on first use, since each provider module costs load time. */
  readonly load: () => ResourceClass;
  /** Top-level fields the provider names differently from the Kubernetes API. */
  readonly fields?: Readonly<Record<string, string>>;
}

/* eslint-disable @typescript-eslint/no-require-imports -- each provider module loads only when an object of its kind is rendered */
const KINDS: Readonly<Record<string, KindMapping>> = {
  'v1/Namespace': { load: () => require('@cdktf/provider-kubernetes/lib/namespace-v1').NamespaceV1 },
  'v1/ServiceAccount': { load: () => require('@cdktf/provider-kubernetes/lib/service-account-v1').ServiceAccountV1 },
  'v1/ConfigMap': { load: () => require('@cdktf/provider-kubernetes/lib/config-map-v1').ConfigMapV1 },
  // The provider's `data` takes plain strings (it encodes them); `binary_data` takes base64 like the API's `data`.
  'v1/Secret': { load: () => require('@cdktf/provider-kubernetes/lib/secret-v1').SecretV1, fields: { stringData: 'data', data: 'binaryData' } },
  'batch/v1/Job': { load: () => require('@cdktf/provider-kubernetes/lib/job-v1').JobV1 },
  'storage.k8s.io/v1/StorageClass': { load: () => require('@cdktf/provider-kubernetes/lib/storage-class-v1').StorageClassV1, fields: { provisioner: 'storageProvisioner' } },
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** List fields of the API that the provider writes as repeated blocks named in the singular. */
const BLOCKS: Readonly<Record<string, string>> = {
  containers: 'container',
  initContainers: 'initContainer',
  volumes: 'volume',
  volumeMounts: 'volumeMount',
  ports: 'port',
  tolerations: 'toleration',
};

/** Numbers of the API (ids, quantities) that the provider types as strings. */
const STRING_FIELDS = new Set(['runAsUser', 'runAsGroup', 'fsGroup', 'sizeLimit']);

/** Maps whose keys are data, never renamed; `limits`/`requests` hold quantities, which the provider takes as strings. */
const MAPS = new Set(['labels', 'annotations', 'data', 'stringData', 'binaryData', 'parameters', 'nodeSelector', 'limits', 'requests']);
const QUANTITY_MAPS = new Set(['limits', 'requests']);

function providerValue(field: string, value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (MAPS.has(field)) {
    const map = value as Record<string, unknown>;
    return QUANTITY_MAPS.has(field) ? Object.fromEntries(Object.entries(map).map(([k, v]) => [k, String(v)])) : map;
  }
  if (STRING_FIELDS.has(field) && typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((item) => providerValue('', item));
  if (typeof value === 'object') return providerFields(value as Record<string, unknown>);
  return value;
}

function providerFields(object: Record<string, unknown>, renames: Readonly<Record<string, string>> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(object)) {
    const converted = providerValue(field, value);
    if (converted !== undefined) out[renames[field] ?? BLOCKS[field] ?? field] = converted;
  }
  return out;
}

/** Every scalar inside a value, as text (the provider turns some numbers into strings). */
function leaves(value: unknown, into: string[] = []): string[] {
  if (value === undefined || value === null) return into;
  if (Array.isArray(value)) value.forEach((v) => leaves(v, into));
  else if (typeof value === 'object') Object.values(value).forEach((v) => leaves(v, into));
  else into.push(String(value));
  return into;
}

/** Throws naming the values of the object that the provider resource did not take (a field it does not know). */
function assertNothingDropped(object: Record<string, unknown>, resource: TerraformResource, where: string): void {
  // The attributes as they will be synthesized; toTerraform() would also fix the logical id, which callers may still override.
  const synthesized = leaves((resource as unknown as { synthesizeAttributes(): Record<string, unknown> }).synthesizeAttributes());
  const available = new Map<string, number>();
  for (const leaf of synthesized) available.set(leaf, (available.get(leaf) ?? 0) + 1);
  const dropped: string[] = [];
  for (const leaf of leaves(object)) {
    const left = available.get(leaf) ?? 0;
    if (left === 0) dropped.push(leaf);
    else available.set(leaf, left - 1);
  }
  if (dropped.length > 0) {
    throw new Error(`${where}: ${resource.terraformResourceType} did not take ${dropped.map((d) => JSON.stringify(d)).join(', ')}; the rendered object has a field the provider resource does not have`);
  }
}

/**
 * Turns a Kubernetes object rendered in contract into the typed provider
 * resource of its kind (kubernetes_job_v1, kubernetes_secret_v1, …) under
 * `scope` with construct id `id`: the API's list fields become the
 * provider's singular blocks, numbers the provider types as strings become
 * strings, and renamed fields are mapped. The typed resources plan without a
 * cluster (unlike kubernetes_manifest). A value the resource would drop fails
 * synthesis instead of disappearing. `R` is the resource class of the kind
 * (import it as a type only, so its module still loads lazily).
 */
export function kubernetesResource<R extends TerraformResource = TerraformResource>(scope: Construct, id: string, object: KubernetesObject, options: KubernetesResourceOptions = {}): R {
  const key = `${object.apiVersion}/${object.kind}`;
  const mapping = KINDS[key];
  if (mapping === undefined) throw new Error(`${scope.node.path}/${id}: no provider resource for ${key}; add it to KINDS in constructs/kubernetes/kubernetes-object.ts`);
  const { apiVersion: _apiVersion, kind: _kind, ...fields } = object as KubernetesObject & Record<string, unknown>;
  const rendered: Record<string, unknown> =
    options.namespace === undefined ? fields : { ...fields, metadata: { ...object.metadata, namespace: options.namespace } };
  const config = {
    ...providerFields(rendered, mapping.fields),
    ...options.providerArguments,
    ...(options.dependsOn === undefined ? {} : { dependsOn: [...options.dependsOn] }),
  };
  const Resource = mapping.load();
  const resource = new Resource(scope, id, config as never);
  assertNothingDropped(rendered, resource, `${scope.node.path}/${id}`);
  return resource as R;
}
