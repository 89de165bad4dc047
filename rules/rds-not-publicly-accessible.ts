import { resourcesOf, type Rule } from './types';

const ID = 'rds-not-publicly-accessible';

/** An instance with a public address is one security group edit away from the internet. */
export const rdsNotPubliclyAccessible: Rule = {
  id: ID,
  description: 'No RDS instance is publicly accessible',
  check(tf) {
    return resourcesOf(tf, 'aws_db_instance')
      .filter(({ config }) => config.publicly_accessible === true || config.publicly_accessible === 'true')
      .map(({ address }) => ({ rule: ID, address, message: `${address} is publicly accessible: set publicly_accessible = false and reach it from inside the VPC` }));
  },
};
