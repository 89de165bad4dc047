import { Testing, TerraformStack } from 'cdktf';
import { DatabaseKey } from '../../../constructs/database/database-key';
import type { TerraformJson } from '../../support/synth';

function synth(): TerraformJson {
  const stack = new TerraformStack(Testing.app(), 'test');
  new DatabaseKey(stack, 'key', { alias: 'alias/goldenpath-test-database', description: 'test' });
  return JSON.parse(Testing.synth(stack)) as TerraformJson;
}

describe('DatabaseKey', () => {
  it('rotates the key', () => {
    expect(Object.values(synth().resource.aws_kms_key)[0]).toEqual(expect.objectContaining({ enable_key_rotation: true }));
  });

  it('points the alias at the key', () => {
    const alias = Object.values(synth().resource.aws_kms_alias)[0] as TerraformJson;
    expect(alias.name).toBe('alias/goldenpath-test-database');
    expect(alias.target_key_id).toMatch(/^\$\{aws_kms_key\.\w+\.key_id\}$/);
  });
});
