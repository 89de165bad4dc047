import { blocks } from './terraform-json';
import { resourcesOf, type Finding, type Rule } from './types';

const ID = 'eks-imdsv2-required';

/**
 * Instances answer metadata requests only with a session token (IMDSv2), so a
 * forged request through an SSRF cannot read node credentials. Node groups
 * must use a launch template, since EKS's own template is outside this check.
 */
export const eksImdsv2Required: Rule = {
  id: ID,
  description: 'Launch templates and instances require IMDSv2 tokens; every managed node group uses a launch template',
  check(tf) {
    const findings: Finding[] = [];
    for (const type of ['aws_launch_template', 'aws_instance']) {
      for (const { address, config } of resourcesOf(tf, type)) {
        const options = blocks(config.metadata_options)[0];
        if (options?.http_tokens !== 'required') {
          findings.push({ rule: ID, address, message: `${address} must set metadata_options.http_tokens = "required" (IMDSv2 only)` });
        }
      }
    }
    for (const { address, config } of resourcesOf(tf, 'aws_eks_node_group')) {
      if (blocks(config.launch_template).length === 0) {
        findings.push({ rule: ID, address, message: `${address} has no launch_template: give it one that requires IMDSv2` });
      }
    }
    return findings;
  },
};
