import { SsmParameter } from '@cdktf/provider-aws/lib/ssm-parameter';
import { Fn, TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import { FOUNDATION_SCHEMA_VERSION, type DatabaseFoundation, type DnsFoundation, type NetworkFoundation } from '../../contract/foundation';
import { foundationParameterName, foundationStackName, type FoundationKind } from '../../contract/naming';

/** The documents by kind, without the version field this construct adds. */
export interface FoundationDocuments {
  readonly network: Omit<NetworkFoundation, 'schemaVersion'>;
  readonly dns: Omit<DnsFoundation, 'schemaVersion'>;
  readonly database: Omit<DatabaseFoundation, 'schemaVersion'>;
}

export interface FoundationDocumentProps<K extends FoundationKind> {
  /** The env whose foundation folder the document is written to. */
  readonly env: string;
  /** Which foundation document (network, dns, database); fixes its schema and parameter name. */
  readonly kind: K;
  /** Field values; Terraform references are fine (they resolve at apply). */
  readonly document: FoundationDocuments[K];
}

/**
 * Publishes a foundational stack's hand-off document to SSM Parameter Store
 * (`/goldenpath/{env}/foundation/{kind}`, versioned JSON). Disposable stacks
 * and the preflight read it with the same contract schema.
 */
export class FoundationDocument<K extends FoundationKind> extends Construct {
  readonly parameter: SsmParameter;

  constructor(scope: Construct, id: string, props: FoundationDocumentProps<K>) {
    super(scope, id);
    const name = foundationParameterName(props.env, props.kind);
    this.parameter = new SsmParameter(this, 'parameter', {
      name,
      type: 'String',
      tier: 'Standard',
      description: `goldenpath foundation document of ${foundationStackName(props.env, props.kind)} (schemaVersion ${FOUNDATION_SCHEMA_VERSION})`,
      value: Fn.jsonencode({ schemaVersion: FOUNDATION_SCHEMA_VERSION, ...props.document }),
    });
    new TerraformOutput(this, 'parameter_name', { value: name, staticId: false });
  }
}
