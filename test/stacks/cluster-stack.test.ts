import { FOUNDATION_DATA_ADDRESS, missingFoundationMessage } from '../../constructs/foundation/foundation-reader';
import { boundaryArn } from '../../contract/ci/boundaries';
import { loadEnvironment } from '../../envs';
import { planFor } from '../support/plan';
import { FOUNDATION_SCHEMA_VERSION } from '../../contract/foundation';
import { clusterName, disposableStackName, foundationParameterName, irsaRoleName, objectStorageBucketName, type FoundationKind, type IrsaRoleKey } from '../../contract/naming';
import { ephemeral, persistent, type Selection } from '../../contract/selection';
import { DB_PROVISIONER_SERVICE_ACCOUNT } from '../../contract/gitops/db-provision-job';
import { SERVICE_ACCOUNTS, serviceAccountSubject } from '../../contract/service-accounts';
import { TAG_KEYS } from '../../contract/tags';
import { defineEnvironment } from '../../envs/schema';
import { ALL_RULES, runRules } from '../../rules';
import { describeWithTerraform, foundationOverride, hclString, init, TerraformTests } from '../support/terraform';
import { synthSelection, type Synthesized, type TerraformJson } from '../support/synth';
import { DATABASE_PORT } from '../../contract/database-secret';

const BUILD_A = '26-01-23-01';
const BUILD_B = '26-01-23-02';

const ACCOUNT = '111111111111';
const DOCS = {
  network: {
    schemaVersion: FOUNDATION_SCHEMA_VERSION,
    vpcId: 'vpc-0devcluster',
    vpcCidr: '10.10.0.0/16',
    availabilityZones: ['eu-west-2a', 'eu-west-2b'],
    publicSubnetIds: ['subnet-public-a', 'subnet-public-b'],
    privateSubnetIds: ['subnet-private-a', 'subnet-private-b'],
  },
  dns: {
    schemaVersion: FOUNDATION_SCHEMA_VERSION,
    zoneId: 'Z0DEVZONE00001',
    zoneName: 'dev.goldenpathidp.io',
    persistentPolicyArn: `arn:aws:iam::${ACCOUNT}:policy/goldenpath-dev-external-dns-persistent`,
    buildPolicyArn: `arn:aws:iam::${ACCOUNT}:policy/goldenpath-dev-external-dns-build`,
    buildBoundaryArn: `arn:aws:iam::${ACCOUNT}:policy/goldenpath-dev-build-boundary`,
  },
  database: {
    schemaVersion: FOUNDATION_SCHEMA_VERSION,
    endpoint: 'goldenpath-dev.abc.eu-west-2.rds.amazonaws.com:5432',
    address: 'goldenpath-dev.abc.eu-west-2.rds.amazonaws.com',
    port: 5432,
    masterSecretArn: `arn:aws:secretsmanager:eu-west-2:${ACCOUNT}:secret:rds-master`,
    appSecretArns: {},
    securityGroupId: 'sg-0database',
  },
} as const;

function documents(kinds: readonly FoundationKind[]): Record<string, unknown> {
  return Object.fromEntries(kinds.map((k) => [foundationParameterName('dev', k), DOCS[k]]));
}

/** The mock provider: realistic values where the stack indexes into computed blocks, the foundation documents from SSM. */
function mockProvider(kinds: readonly FoundationKind[]): string {
  return `mock_provider "aws" {
  mock_resource "aws_eks_cluster" {
    defaults = {
      identity              = [{ oidc = [{ issuer = "https://oidc.eks.eu-west-2.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF" }] }]
      certificate_authority = [{ data = "Y2VydGlmaWNhdGU=" }]
    }
  }
  mock_resource "aws_eks_node_group" {
    defaults = {
      resources = [{ autoscaling_groups = [{ name = "eks-general-0123" }], remote_access_security_group_id = "" }]
    }
  }
${foundationOverride(documents(kinds))}
}
`;
}

/** What ACM asks to validate a certificate with: one CNAME, named by the test. */
function acmValidation(recordName: string): string {
  return `{ domain_validation_options = [{ domain_name = "*", resource_record_name = ${hclString(recordName)}, resource_record_type = "CNAME", resource_record_value = "_0a1b2c.acm-validations.aws." }] }`;
}

/** An override of the build certificate's validation option, known at plan time so the record's precondition is evaluated. */
function acmOverride(json: TerraformJson, recordName: string): string {
  return `  override_resource {
    target          = ${only(json, 'aws_acm_certificate')}
    override_during = plan
    values          = ${acmValidation(recordName)}
  }`;
}

function only(json: TerraformJson, type: string, predicate: (config: TerraformJson) => boolean = () => true): string {
  const names = Object.entries<TerraformJson>(json.resource?.[type] ?? {})
    .filter(([, c]) => predicate(c))
    .map(([n]) => n);
  if (names.length !== 1) throw new Error(`expected one ${type}, found ${names.length}`);
  return `${type}.${names[0]}`;
}

/** The role of an IRSA key and the policy attachment of the role, as Terraform addresses. */
function roleAddresses(json: TerraformJson, selection: Selection, key: 'external-dns'): { role: string; attachment: string } {
  const role = only(json, 'aws_iam_role', (c) => c.name === irsaRoleName(selection, key));
  const attachment = only(json, 'aws_iam_role_policy_attachment', (c) => c.role === `\${${role}.name}`);
  return { role, attachment };
}

function testFile(kinds: readonly FoundationKind[], runs: string): string {
  return `${mockProvider(kinds)}\n${runs}\n`;
}

function ruleContext(synth: Synthesized, stack: string) {
  const { name, database } = synth.env;
  return { stack, env: { name, database: { deletionProtection: database.deletionProtection, finalSnapshot: database.finalSnapshot, multiAz: database.multiAz } } };
}

/** Ingress rules on the PostgreSQL port: the database's, as a cluster stack adds them. */
const databaseRules = (json: TerraformJson) => Object.values<TerraformJson>(json.resource.aws_vpc_security_group_ingress_rule ?? {}).filter((r) => r.from_port === DATABASE_PORT);

describe('ClusterStack synthesis', () => {
  const buildSelection = ephemeral('dev', BUILD_A);
  let devJson: TerraformJson;
  let build: Synthesized;
  let buildJson: TerraformJson;
  beforeAll(() => {
    devJson = synthSelection(persistent('dev')).json(disposableStackName(persistent('dev'), 'cluster'));
    build = synthSelection(buildSelection);
    buildJson = build.json(disposableStackName(buildSelection, 'cluster'));
  });

  it('reads the database document only when the cluster reaches tier 2', () => {
    const postconditions = (json: TerraformJson) =>
      JSON.stringify(json.data.aws_ssm_parameters_by_path.foundation_documents.lifecycle.postcondition);
    expect(postconditions(devJson)).toContain(foundationParameterName('dev', 'database'));
    expect(postconditions(buildJson)).not.toContain(foundationParameterName('dev', 'database'));
  });

  it('creates the Loki bucket and role only when the cluster reaches tier 2', () => {
    const buckets = (json: TerraformJson) => Object.values<TerraformJson>(json.resource.aws_s3_bucket ?? {}).map((b) => b.bucket);
    expect(buckets(devJson)).toEqual([objectStorageBucketName(persistent('dev'), ACCOUNT)]);
    expect(buckets(buildJson)).toEqual([]);
    expect(Object.keys(buildJson.output.irsa_role_arns.value)).not.toContain('loki');
  });

  it("admits the persistent dev cluster's node security group into the database, on the PostgreSQL port only, by the database document's group id", () => {
    const [nodeGroup] = Object.keys(devJson.resource.aws_security_group);
    expect(databaseRules(devJson)).toEqual([
      expect.objectContaining({
        security_group_id: '${local.foundation_database.securityGroupId}',
        referenced_security_group_id: `\${aws_security_group.${nodeGroup}.id}`,
        ip_protocol: 'tcp',
        from_port: DATABASE_PORT,
        to_port: DATABASE_PORT,
      }),
    ]);
    expect(databaseRules(devJson)[0]!.cidr_ipv4).toBeUndefined();
  });

  it('gives a build (tier 1.5, no app needs the database) no way into the database and no read of its document', () => {
    expect([databaseRules(buildJson), JSON.stringify(buildJson).includes('foundation_database')]).toEqual([[], false]);
  });

  it('creates the db-provisioner role only when the cluster reaches tier 2', () => {
    const hasRole = (json: TerraformJson, selection: Selection) =>
      Object.values<TerraformJson>(json.resource.aws_iam_role).some((r) => r.name === irsaRoleName(selection, 'db-provisioner'));
    expect([hasRole(devJson, persistent('dev')), hasRole(buildJson, buildSelection)]).toEqual([true, false]);
  });

  it('lets exactly the provisioning Job service account assume the db-provisioner role', () => {
    const role = Object.values<TerraformJson>(devJson.resource.aws_iam_role).find((r) => r.name === irsaRoleName(persistent('dev'), 'db-provisioner'))!;
    const condition = JSON.parse(role.assume_role_policy).Statement[0].Condition.StringEquals;
    expect(Object.entries(condition).find(([key]) => key.endsWith(':sub'))?.[1]).toBe(serviceAccountSubject(DB_PROVISIONER_SERVICE_ACCOUNT));
  });

  it("bounds every service account role of a build by the dns document's build boundary, and a persistent cluster's by the workload boundary", () => {
    const boundaries = (json: TerraformJson, selection: Selection) =>
      Object.values<TerraformJson>(json.resource.aws_iam_role)
        .filter((r) => Object.keys(json.output.irsa_role_arns.value).some((key) => r.name === irsaRoleName(selection, key as IrsaRoleKey)))
        .map((r) => r.permissions_boundary);
    expect(new Set(boundaries(buildJson, buildSelection))).toEqual(new Set(['${local.foundation_dns.buildBoundaryArn}']));
    expect(boundaries(buildJson, buildSelection)).toHaveLength(Object.keys(buildJson.output.irsa_role_arns.value).length);
    expect(new Set(boundaries(devJson, persistent('dev')))).toEqual(new Set([boundaryArn(loadEnvironment('dev'), 'workload-boundary')]));
  });

  it('outputs a role ARN for every service account role it creates', () => {
    expect(Object.keys(devJson.output.irsa_role_arns.value).sort()).toEqual(Object.keys(SERVICE_ACCOUNTS).sort());
  });

  it('gives a build the ephemeral tags on the instances, volumes and ENIs its nodes launch', () => {
    const template = Object.values<TerraformJson>(buildJson.resource.aws_launch_template)[0]!;
    for (const spec of template.tag_specifications as TerraformJson[]) {
      expect(spec.tags[TAG_KEYS.buildId]).toBe(BUILD_A);
      expect(spec.tags[TAG_KEYS.expiresAt]).toBe(build.stacks.cluster.tags[TAG_KEYS.expiresAt]);
    }
  });

  it('tags the EBS volumes the CSI driver creates with the build id and env', () => {
    const addon = Object.values<TerraformJson>(buildJson.resource.aws_eks_addon).find((a) => a.addon_name === 'aws-ebs-csi-driver')!;
    const tags = JSON.parse(addon.configuration_values).controller.extraVolumeTags;
    expect(tags[TAG_KEYS.buildId]).toBe(BUILD_A);
    expect(tags[TAG_KEYS.env]).toBe('dev');
  });

  it('differs between two builds only where the buildId is part of a name, tag or state key', () => {
    const selectionB = ephemeral('dev', BUILD_B);
    const jsonB = synthSelection(selectionB).json(disposableStackName(selectionB, 'cluster'));
    const normalized = (json: TerraformJson, buildId: string) => JSON.stringify(json).split(buildId).join('<build-id>');
    expect(JSON.stringify(buildJson)).not.toEqual(JSON.stringify(jsonB));
    expect(normalized(jsonB, BUILD_B)).toEqual(normalized(buildJson, BUILD_A));
  });

  it('names the cluster after the selection', () => {
    expect(buildJson.output.cluster_name.value).toBe(clusterName(buildSelection));
  });
});

describe("the cluster endpoint follows the env's cluster.apiAccess", () => {
  const vpcConfig = (env: string, selection: Selection, options: Parameters<typeof synthSelection>[1] = {}) => {
    const json = synthSelection(selection, options).json(disposableStackName(selection, 'cluster'));
    const cluster = Object.values(json.resource.aws_eks_cluster as Record<string, TerraformJson>)[0]!;
    const { endpoint_private_access, endpoint_public_access, public_access_cidrs } = cluster.vpc_config as TerraformJson;
    return { env, endpoint_private_access, endpoint_public_access, public_access_cidrs };
  };

  it.each(['dev', 'staging', 'prod'])('keeps the persistent %s cluster private (self-hosted runner in the VPC)', (env) => {
    expect(vpcConfig(env, persistent(env))).toEqual({ env, endpoint_private_access: true, endpoint_public_access: false, public_access_cidrs: undefined });
  });

  it.each(['dev', 'staging'])('opens a %s build endpoint to every address (public-endpoint; IAM authentication still applies)', (env) => {
    expect(vpcConfig(env, ephemeral(env, BUILD_A))).toEqual({ env, endpoint_private_access: true, endpoint_public_access: true, public_access_cidrs: ['0.0.0.0/0'] });
  });

  it('keeps a prod build private (its builds run on the self-hosted runner)', () => {
    expect(vpcConfig('prod', ephemeral('prod', BUILD_A))).toEqual({ env: 'prod', endpoint_private_access: true, endpoint_public_access: false, public_access_cidrs: undefined });
  });

  it("lists exactly a static-egress choice's CIDRs as the public access CIDRs", () => {
    const env = loadEnvironment('dev');
    const staticEgress = defineEnvironment({
      ...env,
      cluster: { ...env.cluster, apiAccess: { ...env.cluster.apiAccess, persistent: { via: 'static-egress', runsOn: ['goldenpath-large'], egressCidrs: ['198.51.100.0/28', '192.0.2.7/32'] } } },
    });
    expect(vpcConfig('dev', persistent('dev'), { env: staticEgress })).toEqual({
      env: 'dev',
      endpoint_private_access: true,
      endpoint_public_access: true,
      public_access_cidrs: ['198.51.100.0/28', '192.0.2.7/32'],
    });
  });
});

describe('Security rules on the cluster stacks', () => {
  const selections: Selection[] = [persistent('dev'), persistent('staging'), persistent('prod'), ephemeral('dev', BUILD_A)];
  it.each(selections.map((s) => [disposableStackName(s, 'cluster'), s] as const))('%s passes every rule of the project', (stack, selection) => {
    const synth = synthSelection(selection);
    const findings = runRules(ALL_RULES, synth.json(stack), ruleContext(synth, stack));
    expect(findings).toEqual([]);
  });
});

describeWithTerraform('ClusterStack (terraform test, mock provider)', () => {
  const devSelection = persistent('dev');
  const buildSelection = ephemeral('dev', BUILD_A);
  let devDir: string;
  let devJson: TerraformJson;
  let buildDir: string;
  let buildJson: TerraformJson;
  // Each folder's files run in one `terraform test`, which validates the configuration first.
  const devTests = new TerraformTests(() => devDir);
  const buildTests = new TerraformTests(() => buildDir);

  beforeAll(async () => {
    const dev = synthSelection(devSelection);
    devDir = dev.dir(disposableStackName(devSelection, 'cluster'));
    devJson = dev.json(disposableStackName(devSelection, 'cluster'));
    const build = synthSelection(buildSelection);
    buildDir = build.dir(disposableStackName(buildSelection, 'cluster'));
    buildJson = build.json(disposableStackName(buildSelection, 'cluster'));
    await Promise.all([init(devDir), init(buildDir)]);
    devTests.start();
    buildTests.start();
  });

  devTests.add('persistent', () => {
    const cluster = only(devJson, 'aws_eks_cluster');
    const dns = roleAddresses(devJson, devSelection, 'external-dns');
    return testFile(
      ['network', 'dns', 'database'],
      `run "persistent" {
  command = plan
  assert {
    condition     = toset(${cluster}.vpc_config[0].subnet_ids) == toset(${JSON.stringify(DOCS.network.privateSubnetIds)})
    error_message = "the cluster is not in the network document's private subnets"
  }
  assert {
    condition     = ${dns.attachment}.policy_arn == ${hclString(DOCS.dns.persistentPolicyArn)} && ${dns.role}.permissions_boundary == ${hclString(boundaryArn(loadEnvironment("dev"), "workload-boundary"))}
    error_message = "the persistent external-dns role does not carry the dns document's persistent policy alone"
  }
  assert {
    condition     = output.cluster_name == ${hclString(clusterName(devSelection))}
    error_message = "cluster name output"
  }
}`,
    );
  });
  it('validates and plans the persistent cluster from the foundation documents: private subnets, persistent DNS policy', async () => {
    expect(await devTests.outcome('persistent')).toMatchObject({ status: 'pass', diagnostics: [] });
  });

  devTests.add('db-provisioner', () => {
    const policy = only(devJson, 'aws_iam_policy', (c) => c.name === irsaRoleName(devSelection, 'db-provisioner'));
    return testFile(
      ['network', 'dns', 'database'],
      `run "db_provisioner" {
  command = plan
  assert {
    condition     = contains([for s in jsondecode(${policy}.policy).Statement : s.Resource if s.Sid == "ReadDatabaseSecrets"][0], ${hclString(DOCS.database.masterSecretArn)})
    error_message = "the db-provisioner policy does not grant the database document's master secret"
  }
}`,
    );
  });
  it("plans the db-provisioner policy on the database document's master secret", async () => {
    expect(await devTests.outcome('db-provisioner')).toMatchObject({ status: 'pass', diagnostics: [] });
  });

  buildTests.add('build', () => {
    const dns = roleAddresses(buildJson, buildSelection, 'external-dns');
    return testFile(
      ['network', 'dns'],
      `run "build" {
  command = plan
${acmOverride(buildJson, `_0f9e8d.b-${BUILD_A}.dev.goldenpathidp.io.`)}
  assert {
    condition     = ${only(buildJson, 'aws_acm_certificate')}.domain_name == ${hclString(`*.b-${BUILD_A}.dev.goldenpathidp.io`)}
    error_message = "the build certificate is not the wildcard of its hostSuffix"
  }
  assert {
    condition     = ${only(buildJson, 'aws_route53_record')}.zone_id == ${hclString(DOCS.dns.zoneId)} && ${only(buildJson, 'aws_route53_record')}.name == ${hclString(`_0f9e8d.b-${BUILD_A}.dev.goldenpathidp.io.`)}
    error_message = "the validation record is not the one ACM asked for, in the env zone"
  }
  assert {
    condition     = ${dns.attachment}.policy_arn == ${hclString(DOCS.dns.buildPolicyArn)}
    error_message = "the build external-dns role does not carry the dns document's build policy"
  }
  assert {
    condition     = ${dns.role}.permissions_boundary == ${hclString(DOCS.dns.buildBoundaryArn)}
    error_message = "the build external-dns role is not bounded by the dns document's build boundary"
  }
  assert {
    condition     = ${dns.role}.tags[${hclString(TAG_KEYS.buildId)}] == ${hclString(BUILD_A)}
    error_message = "the build external-dns role does not carry its build-id principal tag"
  }
}

run "foreign_validation" {
  command         = plan
${acmOverride(buildJson, '_0f9e8d.dev.goldenpathidp.io.')}
  expect_failures = [${only(buildJson, 'aws_route53_record')}]
}`,
    );
  });
  it('validates and plans a build cluster whose external-dns role is bounded and tagged with the build id, and its certificate validated in its own space', async () => {
    const outcome = await buildTests.outcome('build');
    expect(outcome.runs.build).toBe('pass');
  });

  it("refuses a build certificate's validation record outside the build's space (here: the persistent cluster's)", async () => {
    const outcome = await buildTests.outcome('build');
    expect(outcome.runs.foreign_validation).toBe('pass');
  });

  buildTests.add('absent-expected', () => testFile(['network'], `run "absent_expected" {\n  command         = plan\n  expect_failures = [${FOUNDATION_DATA_ADDRESS}]\n}`));
  it('fails the plan on the foundation data source when the dns document is absent', async () => {
    expect(await buildTests.outcome('absent-expected')).toMatchObject({ status: 'pass', diagnostics: [] });
  });

  buildTests.add('absent', () => testFile(['network'], 'run "absent" {\n  command = plan\n}'));
  it('names the dns stack to deploy first when the dns document is absent', async () => {
    const outcome = await buildTests.outcome('absent');
    expect(outcome.status).toBe('error');
    expect(outcome.diagnostics.join('\n')).toContain(missingFoundationMessage('dev', planFor(persistent('dev')).stacks.dns));
  });

  devTests.add('no-database', () => testFile(['network', 'dns'], 'run "no_database" {\n  command = plan\n}'));
  it('fails the tier-2 plan when the database document is absent', async () => {
    const outcome = await devTests.outcome('no-database');
    expect(outcome.status).toBe('error');
    expect(outcome.diagnostics.join('\n')).toContain(missingFoundationMessage('dev', planFor(persistent('dev')).stacks.database));
  });
});
