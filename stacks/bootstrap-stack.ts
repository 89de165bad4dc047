import { DataAwsIamRole } from '@cdktf/provider-aws/lib/data-aws-iam-role';
import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { TerraformOutput, TerraformVariable } from 'cdktf';
import type { Construct } from 'constructs';
import { ciRoleBoundary, ciRoles } from '../contract/ci/ci-roles';
import { clusterAdminRoleArn } from '../contract/ci/cluster-access';
import { pinnedZoneArn } from '../contract/dns-guard';
import { exampleValueProblems } from '../contract/example-values';
import { GITHUB_OIDC_URL, STS_AUDIENCE } from '../contract/ci/github-oidc';
import { boundaryPolicyName, platformAdminRoleName, stateLocation } from '../contract/ci/names';
import { workloadBoundaryDocument } from '../contract/ci/workload-boundary';
import { accountScope, iamArn, secretArn, s3BucketArn } from '../contract/iam/arn';
import { policyDocument } from '../contract/iam/policy-document';
import { envIdentity, envSecretPrefix, envZoneName, ledgerKeyPrefix, RDS_MANAGED_SECRET_NAMES } from '../contract/naming';
import { CiRole } from '../constructs/bootstrap/ci-role';
import { StateBucket } from '../constructs/bootstrap/state-bucket';
import { BuildPermissionsBoundary } from '../constructs/dns/build-permissions-boundary';
import { policyJson } from '../constructs/dns/policy-json';
import { GoldenpathStack, type GoldenpathStackProps } from './goldenpath-stack';

export type BootstrapStackProps = GoldenpathStackProps;

/** The Terraform variable that lets a plan of the shipped example envs through (tests only; CI never sets it). */
export const ACKNOWLEDGE_EXAMPLE_VALUES = 'acknowledge_example_values';

/**
 * `{env}-bootstrap`, the account plane, deployed first and by hand in each
 * env's account (README "Day 0"): the state bucket, GitHub's OIDC provider
 * (or the one the account has), the CI roles with their boundaries, the
 * boundaries of build and persistent roles, and the cluster admin role
 * access entries name (or a check that the env's own exists).
 */
export class BootstrapStack extends GoldenpathStack {
  readonly stateBucket: StateBucket;
  readonly ciRoles: Readonly<Record<string, CiRole>>;

  constructor(scope: Construct, props: BootstrapStackProps) {
    super(scope, 'bootstrap', props);
    const { env } = props;
    const account = accountScope(env.account);
    const state = stateLocation(env);

    // An env that still carries the repository's example values must not reach a real account.
    const problems = exampleValueProblems(env);
    new TerraformVariable(this, ACKNOWLEDGE_EXAMPLE_VALUES, {
      type: 'bool',
      default: false,
      description: 'Plan an env that still carries the example values (offline tests only)',
    });

    this.stateBucket = new StateBucket(this, 'state', { bucketName: state.bucket, partition: account.partition, ledgerPrefix: ledgerKeyPrefix(state.keyPrefix, env.name) });
    if (problems.length > 0) {
      // The first resource of the stack refuses the plan: nothing is created in an account with example values.
      this.stateBucket.bucket.addOverride('lifecycle.precondition', [
        { condition: `\${var.${ACKNOWLEDGE_EXAMPLE_VALUES}}`, error_message: `${problems.join('; ')}` },
      ]);
    }

    if (env.github.oidcProviderArn === undefined) {
      new IamOpenidConnectProvider(this, 'github-oidc', { url: GITHUB_OIDC_URL, clientIdList: [STS_AUDIENCE] });
    }

    const buildBoundary = new BuildPermissionsBoundary(this, 'build-boundary', {
      env: env.name,
      zoneName: envZoneName(envIdentity(env)),
      zoneArn: pinnedZoneArn(env),
      confinement: {
        partition: account.partition,
        stateBucketArns: [s3BucketArn(account.partition, state.bucket), `${s3BucketArn(account.partition, state.bucket)}/*`],
        persistentSecretArns: [secretArn(account, `${envSecretPrefix(env.name)}*`), secretArn(account, RDS_MANAGED_SECRET_NAMES)],
      },
    });
    const workloadBoundary = new IamPolicy(this, 'workload-boundary', {
      name: boundaryPolicyName(env.name, 'workload-boundary'),
      description: `Permissions boundary of every persistent ${env.name} role: no IAM, no role hopping, no Terraform state`,
      policy: policyJson(workloadBoundaryDocument(env)),
    });
    const ciBoundary = new IamPolicy(this, 'ci-boundary', {
      name: boundaryPolicyName(env.name, 'ci-boundary'),
      description: `Permissions boundary of every ${env.name} CI role: its guard rails, whatever is attached`,
      policy: policyJson(ciRoleBoundary(env)),
    });

    const roles = ciRoles(env, env.github.repository);
    this.ciRoles = Object.fromEntries(
      Object.entries(roles).map(([key, role]) => [
        key,
        new CiRole(this, `ci-${key}`, {
          roleName: role.roleName,
          description: `goldenpath ${key} workflows of ${env.github.repository} in ${env.name}`,
          trust: role.trust,
          policy: role.policy,
          permissionsBoundaryArn: ciBoundary.arn,
          maxSessionSeconds: role.maxSessionSeconds,
          dependsOn: [buildBoundary.policy, workloadBoundary],
        }),
      ]),
    );

    if (env.cluster.adminRoleArn === undefined) {
      // Who may assume it is up to the account's own identity policies (SSO permission sets, users): the role grants only what access entries give.
      const admin = new IamRole(this, 'platform-admin', {
        name: platformAdminRoleName(env.name),
        description: `Cluster admin of the ${env.name} clusters through EKS access entries`,
        assumeRolePolicy: policyJson(
          policyDocument([{ Sid: 'AccountPrincipals', Effect: 'Allow', Principal: { AWS: iamArn(account, 'root') }, Action: 'sts:AssumeRole' }]),
        ),
      });
      // Its own resource: the role's inline_policy argument is deprecated in the AWS provider.
      new IamRolePolicy(this, 'platform-admin-find-clusters', {
        role: admin.name,
        name: 'find-clusters',
        policy: policyJson(policyDocument([{ Sid: 'DescribeClusters', Effect: 'Allow', Action: ['eks:DescribeCluster', 'eks:ListClusters'], Resource: '*' }])),
      });
    } else {
      // The env names its own admin role: the access entries would fail on a principal that does not exist, so say so here.
      const adminName = env.cluster.adminRoleArn.slice(env.cluster.adminRoleArn.lastIndexOf('/') + 1);
      const existing = new DataAwsIamRole(this, 'admin-role', { name: adminName });
      existing.addOverride('lifecycle.postcondition', [
        { condition: `\${self.arn == "${env.cluster.adminRoleArn}"}`, error_message: `cluster.adminRoleArn in envs/${env.name}.ts names ${env.cluster.adminRoleArn}, which does not exist in account ${env.account.id}` },
      ]);
    }

    const output = (id: string, value: unknown, description: string) => new TerraformOutput(this, id, { value, description });
    output('state_backend', { bucket: state.bucket, region: state.region, keyPrefix: state.keyPrefix }, `Add as stateBackend to envs/${env.name}.ts, then migrate this stack's state (README, Day 0)`);
    output('ci_role_arns', Object.fromEntries(Object.entries(roles).map(([k, r]) => [k, r.roleArn])), 'The roles the workflows assume');
    output('cluster_admin_role_arn', clusterAdminRoleArn(env), 'The role cluster access entries grant admin');
    output('example_values', problems, 'Example values the env still carries (must be empty for a real account)');
  }
}
