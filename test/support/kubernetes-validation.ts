import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const REPO_ROOT = join(__dirname, '..', '..');

/** A model class of kubernetes-models or @kubernetes-models/argo-cd, by module and export name. */
export const MODELS = {
  Secret: { module: 'kubernetes-models/v1/Secret', exportName: 'Secret' },
  ConfigMap: { module: 'kubernetes-models/v1/ConfigMap', exportName: 'ConfigMap' },
  Pod: { module: 'kubernetes-models/v1/Pod', exportName: 'Pod' },
  StorageClass: { module: 'kubernetes-models/storage.k8s.io/v1/StorageClass', exportName: 'StorageClass' },
  AppProject: { module: '@kubernetes-models/argo-cd/argoproj.io/v1alpha1', exportName: 'AppProject' },
  ApplicationSet: { module: '@kubernetes-models/argo-cd/argoproj.io/v1alpha1', exportName: 'ApplicationSet' },
  Application: { module: '@kubernetes-models/argo-cd/argoproj.io/v1alpha1', exportName: 'Application' },
} as const;
export type ModelName = keyof typeof MODELS;

/**
 * Validates manifests with their model classes' `.validate()` (the
 * packages' OpenAPI schemas). They ship ES modules only, which jest's
 * CommonJS runtime cannot load, so one Node process validates the whole
 * batch. Returns the schema errors of each manifest, in order (empty when valid).
 */
export function schemaErrors(items: readonly { model: ModelName; manifest: unknown }[]): string[][] {
  const script = `
    const { readFileSync } = await import('node:fs');
    const items = JSON.parse(readFileSync(0, 'utf8'));
    const results = [];
    for (const { module, exportName, manifest } of items) {
      const Model = (await import(module))[exportName];
      try {
        new Model(manifest).validate();
        results.push([]);
      } catch (err) {
        const details = (err.errors ?? []).map((e) => (e.instancePath || '/') + ': ' + e.message);
        results.push(details.length > 0 ? details : [String(err.message)]);
      }
    }
    process.stdout.write(JSON.stringify(results));
  `;
  const input = JSON.stringify(items.map((i) => ({ ...MODELS[i.model], manifest: i.manifest })));
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO_ROOT, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`validating with kubernetes-models failed to run: ${r.stderr}`);
  return JSON.parse(r.stdout) as string[][];
}
