import { deriveBootstrapValues, type BootstrapValues } from '../../contract/bootstrap-values';
import type { PlatformFlags } from '../../contract/capabilities';
import { derivePlan } from '../../contract/plan';
import { appDatabaseSecretName, IRSA_ROLE_KEYS, irsaRoleName } from '../../contract/naming';
import type { Selection } from '../../contract/selection';
import { controllerTags, resourceTags } from '../../contract/tags';
import { loadEnvironment } from '../../envs';
import type { Environment } from '../../envs/schema';

export const ALL_CAPABILITIES: PlatformFlags = { irsaConfigured: true, storageClassReady: true, rdsAvailable: true, objectStorageAvailable: true };

export const FAKE_ZONE_ID = 'Z0123456789ABCDEFGHIJ';
export const FAKE_VPC_ID = 'vpc-0123456789abcdef0';
export const FAKE_DATABASE_HOST = 'goldenpath-dev.abcdefghijkl.eu-west-2.rds.amazonaws.com';
export const fakeCertificateArn = (env: Environment) => `arn:aws:acm:${env.account.region}:${env.account.id}:certificate/0f1e2d3c-4b5a-6978-8897-a6b5c4d3e2f1`;

/**
 * A contract as the platform stack derives it, with literal stand-ins for
 * what Terraform resolves at plan time (role ARNs, zone id, database
 * endpoint, VPC id, certificate ARN). The database wiring is present only when rdsAvailable.
 */
export function contractFor(
  selection: Selection,
  options: { platform?: PlatformFlags; env?: Environment; tierCeiling?: Environment['tierCeiling'] | null } = {},
): BootstrapValues {
  const env = options.env ?? loadEnvironment(selection.env);
  const platform = options.platform ?? ALL_CAPABILITIES;
  const tierCeiling = options.tierCeiling === null ? undefined : (options.tierCeiling ?? env.tierCeiling);
  const tags = controllerTags(resourceTags({ selection, plane: 'disposable', stack: 'test-platform' }));
  return deriveBootstrapValues({
    plan: derivePlan({ env: { ...env, tierCeiling }, selection }),
    platform,
    wiring: {
      zoneId: FAKE_ZONE_ID,
      vpcId: FAKE_VPC_ID,
      controllerTags: tags,
      certificateArn: fakeCertificateArn(env),
      roleArns: platform.irsaConfigured
        ? Object.fromEntries(IRSA_ROLE_KEYS.map((k) => [k, `arn:aws:iam::${env.account.id}:role/${irsaRoleName(selection, k)}`]))
        : {},
      database: platform.rdsAvailable
        ? {
            endpoint: FAKE_DATABASE_HOST,
            port: 5432,
            secretNames: Object.fromEntries(env.database.apps.map((a) => [a.name, appDatabaseSecretName(env.name, a.name)])),
          }
        : undefined,
    },
  });
}

/** Every string anywhere inside a value. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}
