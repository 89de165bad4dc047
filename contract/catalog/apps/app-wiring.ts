import type { BootstrapValues } from '../../bootstrap-values';
import { foundationDeployCommand } from '../../deploy-command';
import { appDatabaseKubernetesSecretName, appHostname, foundationStackName, type IrsaRoleKey } from '../../naming';
import { IRSA_ROLE_ARN_ANNOTATION } from '../../service-accounts';
import { HTTPS_ONLY_INGRESS_ANNOTATIONS } from '../../tls';

/**
 * What catalog apps read from the contract beyond plain fields. A value the
 * contract lacks is an error naming the app and the stack that provides it,
 * never an empty string in a chart.
 */
export class MissingContractValueError extends Error {
  constructor(app: string, what: string, fix: string) {
    super(`app "${app}" needs ${what}, which the bootstrap values contract does not hold: ${fix}`);
    this.name = 'MissingContractValueError';
  }
}

/** The IngressClass Kong serves; every app with a UI uses it. */
export const INGRESS_CLASS = 'kong';

/** Annotations of every app Ingress: HTTPS only, plain HTTP redirected (the NLB in front cannot redirect). */
export function ingressAnnotations(): Record<string, string> {
  return { ...HTTPS_ONLY_INGRESS_ANNOTATIONS };
}

/** The ACM certificate the NLB terminates TLS with; without it Kong would serve no hostname over HTTPS. */
export function certificateArnOf(app: string, values: BootstrapValues): string {
  if (values.tls.certificateArn === null) {
    throw new MissingContractValueError(app, `the ARN of the ${values.tls.domain} certificate`, 'the cluster stack issues it and the platform stack looks it up');
  }
  return values.tls.certificateArn;
}

export function hostOf(app: string, values: BootstrapValues): string {
  return appHostname(app, values.hostSuffix);
}

export function urlOf(app: string, values: BootstrapValues): string {
  return `https://${hostOf(app, values)}`;
}

/** Service account annotations that hand the app its IRSA role. */
export function irsaAnnotations(app: string, role: IrsaRoleKey, values: BootstrapValues): Record<string, string> {
  const arn = values.roleArns[role];
  if (arn === undefined) {
    throw new MissingContractValueError(app, `the ARN of IRSA role "${role}"`, 'the cluster stack creates it and the platform stack verifies it');
  }
  return { [IRSA_ROLE_ARN_ANNOTATION]: arn };
}

export interface AppDatabase {
  readonly host: string;
  readonly port: number | string;
  readonly name: string;
  readonly user: string;
  /** The Kubernetes Secret (keys `username`, `password`) the GitOps repository materializes. */
  readonly kubernetesSecret: string;
}

/** An app's login role and database are both named after its database app. */
export function databaseOf(app: string, database: string, values: BootstrapValues): AppDatabase {
  if (values.database === null) {
    throw new MissingContractValueError(app, 'the database endpoint', `deploy the ${foundationStackName(values.env, 'database')} stack first (${foundationDeployCommand(values.env, 'database')}); the platform stack reads its foundation document at tier 2 and above`);
  }
  return { host: values.database.endpoint, port: values.database.port, name: database, user: database, kubernetesSecret: appDatabaseKubernetesSecretName(database) };
}
