import { EksAddon } from '@cdktf/provider-aws/lib/eks-addon';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { VERSIONS } from '../../contract/versions';
import { terraformLiteral } from '../terraform-literal';

export type EksAddonName = keyof typeof VERSIONS.eksAddons;

export interface ClusterAddonsProps {
  /** The EKS cluster the add-ons are installed on. */
  readonly clusterName: string;
  /** IRSA role of the EBS CSI controller. */
  readonly ebsCsiRoleArn: string;
  /** Tags every EBS volume the CSI driver creates carries (the build's identity, so teardown finds them). */
  readonly volumeTags: Readonly<Record<string, string>>;
}

/** The EBS CSI add-on's configuration: only the controller's extra volume tags. */
export function ebsCsiConfiguration(volumeTags: Readonly<Record<string, string>>): string {
  return JSON.stringify({ controller: { extraVolumeTags: volumeTags } });
}

/**
 * The tier-0 add-ons, pinned in the version manifest. Networking (vpc-cni,
 * kube-proxy) must exist before nodes can turn Ready; coredns and the EBS CSI
 * driver schedule pods, so they are created after the node groups
 * (`createAfterNodes`).
 */
export class ClusterAddons extends Construct {
  readonly networking: EksAddon[];
  private readonly props: ClusterAddonsProps;

  constructor(scope: Construct, id: string, props: ClusterAddonsProps) {
    super(scope, id);
    this.props = props;
    this.networking = (['vpc-cni', 'kube-proxy'] as const).map((name) => this.addon(name));
  }

  /** coredns and aws-ebs-csi-driver, once the given node groups exist. */
  createAfterNodes(nodeGroups: ITerraformDependable[]): EksAddon[] {
    return [
      this.addon('coredns', { dependsOn: nodeGroups }),
      this.addon('aws-ebs-csi-driver', {
        dependsOn: nodeGroups,
        serviceAccountRoleArn: this.props.ebsCsiRoleArn,
        configurationValues: terraformLiteral(ebsCsiConfiguration(this.props.volumeTags)),
      }),
    ];
  }

  private addon(name: EksAddonName, extra: { dependsOn?: ITerraformDependable[]; serviceAccountRoleArn?: string; configurationValues?: string } = {}): EksAddon {
    return new EksAddon(this, name, {
      clusterName: this.props.clusterName,
      addonName: name,
      addonVersion: VERSIONS.eksAddons[name],
      resolveConflictsOnCreate: 'OVERWRITE',
      resolveConflictsOnUpdate: 'OVERWRITE',
      ...extra,
    });
  }
}
