import { resourcesOf, type Finding, type Rule, type TerraformJson } from './types';

const ID = 'rds-force-ssl';

const GROUP_REFERENCE = /^\$\{aws_db_parameter_group\.([\w-]+)\.(name|id)\}$/;

function forcesSsl(group: TerraformJson): boolean {
  const parameters: TerraformJson[] = Array.isArray(group.parameter) ? group.parameter : group.parameter ? [group.parameter] : [];
  return parameters.some((p) => p.name === 'rds.force_ssl' && String(p.value) === '1');
}

/**
 * Every instance uses a parameter group of the same stack that sets
 * `rds.force_ssl = 1`; a default or external group cannot be vouched for.
 */
export const rdsForceSsl: Rule = {
  id: ID,
  description: 'Every RDS instance uses a parameter group of the stack with rds.force_ssl = 1',
  check(tf) {
    const groups: Record<string, TerraformJson> = tf.resource?.aws_db_parameter_group ?? {};
    const findings: Finding[] = [];
    for (const { address, config } of resourcesOf(tf, 'aws_db_instance')) {
      const match = typeof config.parameter_group_name === 'string' ? GROUP_REFERENCE.exec(config.parameter_group_name) : null;
      const group = match === null ? undefined : groups[match[1]!];
      if (group === undefined) {
        findings.push({ rule: ID, address, message: `${address} does not use a parameter group of this stack, so TLS cannot be verified: give it an aws_db_parameter_group with rds.force_ssl = 1` });
      } else if (!forcesSsl(group)) {
        findings.push({ rule: ID, address, message: `${address} accepts connections without TLS: set rds.force_ssl = 1 in aws_db_parameter_group.${match![1]}` });
      }
    }
    return findings;
  },
};
