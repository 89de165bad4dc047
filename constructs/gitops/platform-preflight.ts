import { DataAwsAcmCertificate } from '@cdktf/provider-aws/lib/data-aws-acm-certificate';
import { DataAwsIamRole } from '@cdktf/provider-aws/lib/data-aws-iam-role';
import { DataAwsIamRoles } from '@cdktf/provider-aws/lib/data-aws-iam-roles';
import { DataAwsS3Bucket } from '@cdktf/provider-aws/lib/data-aws-s3-bucket';
import { Construct } from 'constructs';
import type { BootstrapValues } from '../../contract/bootstrap-values';
import type { Capability } from '../../contract/capabilities';
import type { CatalogApp } from '../../contract/catalog/types';
import { TIER_NAMES } from '../../contract/lifecycle';
import { appDatabaseSecretName, type IrsaRoleKey } from '../../contract/naming';
import type { PlannedStack } from '../../contract/plan';
import { FoundationReader, type FoundationSource } from '../foundation/foundation-reader';
import { wildcardDomain } from '../../contract/tls';

/** The apps that need something, for messages: `app "loki" (tier 2, platform experience)`. */
export function describeApps(apps: readonly CatalogApp[]): string {
  return apps.map((a) => `app "${a.name}" (tier ${a.tier}, ${TIER_NAMES[a.tier]})`).join(', ');
}

/** The stack that creates what a plan found missing, and the command that deploys it. */
export type DeployableStack = Pick<PlannedStack, 'name' | 'deployCommand'>;

export function missingIrsaRoleMessage(roleName: string, apps: readonly CatalogApp[], clusterStack: DeployableStack): string {
  return `IRSA role ${roleName} is missing: ${describeApps(apps)} assumes it. Deploy the ${clusterStack.name} stack first (${clusterStack.deployCommand}).`;
}

/** An app whose database the env does not provision: caught at synth, not when the pod crash-loops. */
export class UnprovisionedDatabaseError extends Error {
  constructor(envName: string, missing: readonly CatalogApp[], databaseStack: DeployableStack) {
    super(
      missing
        .map(
          (a) =>
            `${describeApps([a])} uses database "${a.database}", which envs/${envName}.ts does not provision: add { name: '${a.database}' } to database.apps and deploy the ${databaseStack.name} stack (${databaseStack.deployCommand})`,
        )
        .join('\n'),
    );
    this.name = 'UnprovisionedDatabaseError';
  }
}

export interface PlatformPreflightProps {
  /** The env whose foundation documents and app secrets are read. */
  readonly envName: string;
  /** The EKS cluster whose IRSA roles are verified. */
  readonly clusterName: string;
  /** The names the cluster stack gives the service-account roles, by key. */
  readonly roleNames: Readonly<Record<IrsaRoleKey, string>>;
  /** The object storage bucket the cluster stack creates when an app needs it. */
  readonly objectStorageBucket: string;
  /** The apps this selection may run: inside maxTier and allowed in its lifecycle. */
  readonly apps: readonly CatalogApp[];
  /** App databases the env's database stack provisions (`database.apps`). */
  readonly databaseApps: readonly string[];
  /** The foundational stacks whose documents are read (from the plan). */
  readonly foundation: { readonly dns: FoundationSource; readonly database: FoundationSource };
  /** The stack that creates the IRSA roles, named when one is missing. */
  readonly clusterStack: DeployableStack;
  /** Every hostname is `{app}.{hostSuffix}`; its certificate must be issued. */
  readonly hostSuffix: string;
}

/**
 * Verifies, at plan time, what the in-scope apps need from other stacks and
 * collects the references the contract carries. A flag is set only for
 * what is verified here: IRSA roles (by name, each missing one failing the
 * plan with a message naming the apps and the stack to deploy), the database
 * foundation document (FoundationReader's postcondition names the stack) and
 * the object storage bucket. The dns document is always read: ExternalDNS
 * is filtered to its zone. The certificate of hostSuffix must be issued (the
 * cluster stack requests it).
 */
export class PlatformPreflight extends Construct {
  readonly foundation: FoundationReader;
  readonly roleArns: Readonly<Record<string, string>>;
  readonly irsaConfigured: boolean;
  readonly rdsAvailable: boolean;
  readonly objectStorageAvailable: boolean;
  readonly database: BootstrapValues['database'];
  readonly zoneId: string;
  /** The issued `*.{hostSuffix}` certificate (preflight check 6): no app that serves a hostname starts before it. */
  readonly certificate: DataAwsAcmCertificate;

  constructor(scope: Construct, id: string, props: PlatformPreflightProps) {
    super(scope, id);
    const { apps } = props;
    const needing = (capability: Capability) => apps.filter((a) => a.requires.includes(capability));

    this.rdsAvailable = needing('rds').length > 0;
    const required = this.rdsAvailable ? [props.foundation.dns, props.foundation.database] : [props.foundation.dns];
    this.foundation = new FoundationReader(this, 'foundation', { env: props.envName, required });
    this.zoneId = this.foundation.field('dns', 'zoneId');

    const roles = [...new Set(apps.flatMap((a) => (a.irsaRole === undefined ? [] : [a.irsaRole])))];
    this.irsaConfigured = roles.length > 0;
    this.roleArns = this.verifyRoles(props, roles);

    this.database = this.rdsAvailable ? this.databaseWiring(props) : null;

    this.certificate = new DataAwsAcmCertificate(this, 'certificate', {
      domain: wildcardDomain(props.hostSuffix),
      statuses: ['ISSUED'],
      types: ['AMAZON_ISSUED'],
      mostRecent: true,
    });

    this.objectStorageAvailable = needing('object-storage').length > 0;
    if (this.objectStorageAvailable) {
      new DataAwsS3Bucket(this, 'object_storage', { bucket: props.objectStorageBucket });
    }
  }

  private verifyRoles(props: PlatformPreflightProps, roles: readonly IrsaRoleKey[]): Record<string, string> {
    if (roles.length === 0) return {};
    const existing = new DataAwsIamRoles(this, 'irsa_roles', {
      nameRegex: `^${props.clusterName}-`,
      lifecycle: {
        postcondition: roles.map((role) => ({
          condition: `\${contains(self.names, ${JSON.stringify(props.roleNames[role])})}`,
          errorMessage: missingIrsaRoleMessage(
            props.roleNames[role],
            props.apps.filter((a) => a.irsaRole === role),
            props.clusterStack,
          ),
        })),
      },
    });
    return Object.fromEntries(
      roles.map((role) => {
        const data = new DataAwsIamRole(this, `irsa_${role}`, { name: props.roleNames[role], dependsOn: [existing] });
        return [role, data.arn];
      }),
    );
  }

  private databaseWiring(props: PlatformPreflightProps): NonNullable<BootstrapValues['database']> {
    const missing = props.apps.filter((a) => a.database !== undefined && !props.databaseApps.includes(a.database));
    if (missing.length > 0) throw new UnprovisionedDatabaseError(props.envName, missing, props.foundation.database);
    return {
      endpoint: this.foundation.field('database', 'address'),
      port: this.foundation.field('database', 'port'),
      secretNames: Object.fromEntries(props.databaseApps.map((app) => [app, appDatabaseSecretName(props.envName, app)])),
    };
  }
}
