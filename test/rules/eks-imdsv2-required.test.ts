import { eksImdsv2Required } from '../../rules/eks-imdsv2-required';

const ctx = { stack: 'dev-cluster', env: { name: 'dev', database: { deletionProtection: false, finalSnapshot: false, multiAz: false } } };

const template = (httpTokens: string) => ({ metadata_options: { http_endpoint: 'enabled', http_tokens: httpTokens } });
const nodeGroup = (launchTemplate?: object) => ({ cluster_name: 'c', ...(launchTemplate ? { launch_template: launchTemplate } : {}) });

describe('eks-imdsv2-required', () => {
  it('passes launch templates that require tokens and node groups that use them', () => {
    const tf = { resource: { aws_launch_template: { lt: template('required') }, aws_eks_node_group: { ng: nodeGroup({ id: '${aws_launch_template.lt.id}' }) } } };
    expect(eksImdsv2Required.check(tf, ctx)).toEqual([]);
  });

  it('fails a launch template that still accepts IMDSv1', () => {
    const findings = eksImdsv2Required.check({ resource: { aws_launch_template: { lt: template('optional') } } }, ctx);
    expect(findings.map((f) => f.address)).toEqual(['aws_launch_template.lt']);
    expect(findings[0]!.message).toContain('http_tokens = "required"');
  });

  it('fails a launch template without metadata options', () => {
    expect(eksImdsv2Required.check({ resource: { aws_launch_template: { lt: {} } } }, ctx)).toHaveLength(1);
  });

  it('fails an instance that accepts IMDSv1', () => {
    expect(eksImdsv2Required.check({ resource: { aws_instance: { i: { metadata_options: { http_tokens: 'optional' } } } } }, ctx)).toHaveLength(1);
  });

  it('fails a node group on the EKS default launch template', () => {
    const findings = eksImdsv2Required.check({ resource: { aws_eks_node_group: { ng: nodeGroup() } } }, ctx);
    expect(findings.map((f) => f.address)).toEqual(['aws_eks_node_group.ng']);
  });
});
