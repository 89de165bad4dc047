import { blocks, isFalse } from './terraform-json';
import { resourcesOf, type Finding, type Rule } from './types';

const ID = 'eks-no-public-node-ips';

const LAUNCH_TEMPLATE_REF = /^\$\{aws_launch_template\.([^.]+)\.id\}$/;

/**
 * Nodes are reachable only inside the VPC: every node group runs in the
 * network document's private subnets through a launch template that
 * explicitly denies a public IP, and no instance asks for one.
 */
export const eksNoPublicNodeIps: Rule = {
  id: ID,
  description: 'Managed node groups use private subnets and launch templates with associate_public_ip_address = false',
  check(tf) {
    const findings: Finding[] = [];
    const templates = new Map(resourcesOf(tf, 'aws_launch_template').map((t) => [t.address.split('.')[1], t.config]));
    for (const { address, config } of resourcesOf(tf, 'aws_eks_node_group')) {
      if (JSON.stringify(config.subnet_ids ?? '').includes('publicSubnetIds')) {
        findings.push({ rule: ID, address, message: `${address} must run in the private subnets (privateSubnetIds of the network document), not publicSubnetIds` });
      }
      const ref = LAUNCH_TEMPLATE_REF.exec(String(blocks(config.launch_template)[0]?.id ?? ''));
      const template = ref ? templates.get(ref[1]!) : undefined;
      const interfaces = blocks(template?.network_interfaces);
      if (template === undefined || interfaces.length === 0 || !interfaces.every((i) => isFalse(i.associate_public_ip_address))) {
        findings.push({
          rule: ID,
          address,
          message: `${address} must use a launch template of this stack whose network_interfaces set associate_public_ip_address = false`,
        });
      }
    }
    for (const { address, config } of resourcesOf(tf, 'aws_instance')) {
      if (!isFalse(config.associate_public_ip_address)) {
        findings.push({ rule: ID, address, message: `${address} must set associate_public_ip_address = false` });
      }
    }
    return findings;
  },
};
