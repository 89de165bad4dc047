import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const REPO_ROOT = join(__dirname, '..', '..', '..', '..');

/**
 * kubernetes-models ships ES modules only, which jest's CommonJS runtime
 * cannot load; a real Node process imports the model and validates the
 * manifest against its OpenAPI schema. Returns the schema errors (empty when valid).
 */
export function kubernetesSchemaErrors(model: 'batch/v1/Job' | 'v1/ServiceAccount' | 'v1/Namespace', manifest: unknown): string[] {
  const exportName = model.split('/').pop() as string;
  const script = [
    `const { ${exportName} } = await import(${JSON.stringify(`kubernetes-models/${model}`)});`,
    `const { readFileSync } = await import('node:fs');`,
    'try {',
    `  new ${exportName}(JSON.parse(readFileSync(0, 'utf8'))).validate();`,
    '  process.stdout.write("[]");',
    '} catch (err) {',
    '  const details = (err.errors ?? []).map((e) => `${e.instancePath || "/"}: ${e.message}`);',
    '  process.stdout.write(JSON.stringify(details.length > 0 ? details : [String(err.message)]));',
    '}',
  ].join('\n');
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO_ROOT, input: JSON.stringify(manifest), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`validating with kubernetes-models failed to run: ${r.stderr}`);
  return JSON.parse(r.stdout) as string[];
}
