import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { UsageError } from '../errors';
import { SecretNotFoundError, type SecretSource } from './secret-source';

/**
 * The local stand-in for AWS: one JSON file holding parameters by name and
 * secrets by ARN or name, each value the JSON document AWS would hold.
 */
export const SecretFileSchema = z.strictObject({
  parameters: z.record(z.string(), z.unknown()),
  secrets: z.record(z.string(), z.unknown()),
});
export type SecretFile = z.infer<typeof SecretFileSchema>;

export async function fileSecretSource(path: string): Promise<SecretSource> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read the secrets file ${path}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError(`the secrets file ${path} is not valid JSON`);
  }
  const parsed = SecretFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new UsageError(`the secrets file ${path} must be {"parameters": {name: document}, "secrets": {arn: document}}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  }
  const file = parsed.data;
  const description = `secrets file ${path}`;
  return {
    description,
    async parameterJson(name) {
      if (!Object.hasOwn(file.parameters, name)) throw new SecretNotFoundError('parameter', name, description);
      return file.parameters[name];
    },
    async secretJson(id) {
      if (!Object.hasOwn(file.secrets, id)) throw new SecretNotFoundError('secret', id, description);
      return file.secrets[id];
    },
  };
}
