import { rdsForceSsl } from '../../rules/rds-force-ssl';
import { ruleContext } from './context';

function tf(parameter: { name: string; value: string }[], groupName = '${aws_db_parameter_group.pg.name}') {
  return {
    resource: {
      aws_db_parameter_group: { pg: { family: 'postgres16', parameter } },
      aws_db_instance: { db: { parameter_group_name: groupName } },
    },
  };
}

describe('rds-force-ssl', () => {
  it('passes an instance whose parameter group sets rds.force_ssl = 1', () => {
    expect(rdsForceSsl.check(tf([{ name: 'rds.force_ssl', value: '1' }]), ruleContext(false))).toEqual([]);
  });

  it('fails an instance whose parameter group leaves rds.force_ssl at 0', () => {
    const findings = rdsForceSsl.check(tf([{ name: 'rds.force_ssl', value: '0' }]), ruleContext(false));
    expect(findings).toEqual([expect.objectContaining({ rule: 'rds-force-ssl', address: 'aws_db_instance.db' })]);
    expect(findings[0]!.message).toContain('aws_db_parameter_group.pg');
  });

  it('fails an instance on a parameter group the stack does not define', () => {
    expect(rdsForceSsl.check(tf([{ name: 'rds.force_ssl', value: '1' }], 'default.postgres16'), ruleContext(false))).toHaveLength(1);
  });
});
