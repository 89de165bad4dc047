import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileSecretSource } from '../../../ops/db/file-secret-source';
import { SecretNotFoundError } from '../../../ops/db/secret-source';

function fileWith(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'gp-db-file-')), 'secrets.json');
  writeFileSync(path, text);
  return path;
}

describe('fileSecretSource', () => {
  const path = fileWith(JSON.stringify({ parameters: { '/p': { a: 1 } }, secrets: { 'arn:s': { username: 'u' } } }));

  it('returns a parameter document by name', async () => {
    expect(await (await fileSecretSource(path)).parameterJson('/p')).toEqual({ a: 1 });
  });

  it('returns a secret document by id', async () => {
    expect(await (await fileSecretSource(path)).secretJson('arn:s')).toEqual({ username: 'u' });
  });

  it('reports a missing secret as not found, naming the file', async () => {
    const source = await fileSecretSource(path);
    await expect(source.secretJson('arn:other')).rejects.toThrow(new SecretNotFoundError('secret', 'arn:other', `secrets file ${path}`));
  });

  it('does not treat inherited object keys as secrets', async () => {
    await expect((await fileSecretSource(path)).secretJson('constructor')).rejects.toThrow(SecretNotFoundError);
  });

  it('refuses a file without the parameters and secrets maps, showing the expected shape', async () => {
    await expect(fileSecretSource(fileWith('{"secrets": {}}'))).rejects.toThrow(/must be \{"parameters": \{name: document\}, "secrets": \{arn: document\}\}: parameters/);
  });

  it('refuses a file that is not JSON', async () => {
    const bad = fileWith('{not json');
    await expect(fileSecretSource(bad)).rejects.toThrow(`the secrets file ${bad} is not valid JSON`);
  });
});
