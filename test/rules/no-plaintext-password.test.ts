import { noPlaintextPassword } from '../../rules/no-plaintext-password';
import { ruleContext } from './context';

const ctx = ruleContext(false);

describe('no-plaintext-password', () => {
  it('passes an RDS-managed master password and a write-only secret from an ephemeral password', () => {
    const tf = {
      resource: {
        aws_db_instance: { db: { manage_master_user_password: true } },
        aws_secretsmanager_secret_version: {
          v: { secret_string_wo: '${jsonencode({"username" = "app", "password" = ephemeral.aws_secretsmanager_random_password.p.random_password})}' },
        },
      },
      ephemeral: { aws_secretsmanager_random_password: { p: { password_length: 40 } } },
    };
    expect(noPlaintextPassword.check(tf, ctx)).toEqual([]);
  });

  it('fails a typed-in master password', () => {
    const findings = noPlaintextPassword.check({ resource: { aws_db_instance: { db: { password: 'hunter2hunter2' } } } }, ctx);
    expect(findings).toEqual([expect.objectContaining({ rule: 'no-plaintext-password', address: 'resource.aws_db_instance.db.password' })]);
  });

  it('fails a master_password literal in a nested block', () => {
    const tf = { resource: { aws_rds_cluster: { c: { settings: [{ master_password: 'hunter2hunter2' }] } } } };
    expect(noPlaintextPassword.check(tf, ctx)).toHaveLength(1);
  });

  it('fails a secret_string whose JSON carries a literal password', () => {
    const tf = { resource: { aws_secretsmanager_secret_version: { v: { secret_string: '{"username":"app","password":"hunter2"}' } } } };
    expect(noPlaintextPassword.check(tf, ctx)).toHaveLength(1);
  });

  it('fails a jsonencode secret whose password is a literal even in a write-only argument', () => {
    const tf = { resource: { aws_secretsmanager_secret_version: { v: { secret_string_wo: '${jsonencode({"password" = "hunter2"})}' } } } };
    expect(noPlaintextPassword.check(tf, ctx)).toHaveLength(1);
  });
});
