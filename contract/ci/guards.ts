import type { PolicyStatement } from '../iam/policy-document';
import { PLANES, TAG_KEYS } from '../tags';

/** Never touch what is persistent or foundational, whatever else a statement allows. */
export function protectPersistent(actions: readonly string[]): PolicyStatement[] {
  return [
    {
      Sid: 'NeverPersistent',
      Effect: 'Deny',
      Action: actions,
      Resource: '*',
      Condition: { StringEquals: { [`aws:ResourceTag/${TAG_KEYS.lifecycle}`]: 'persistent' } },
    },
    {
      Sid: 'NeverFoundational',
      Effect: 'Deny',
      Action: actions,
      Resource: '*',
      Condition: { StringEquals: { [`aws:ResourceTag/${TAG_KEYS.plane}`]: PLANES[0] } },
    },
  ];
}
