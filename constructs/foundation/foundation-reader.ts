import { DataAwsSsmParametersByPath } from '@cdktf/provider-aws/lib/data-aws-ssm-parameters-by-path';
import { Fn, TerraformLocal, Token } from 'cdktf';
import { Construct } from 'constructs';
import { FOUNDATION_SCHEMA_VERSION, type FoundationDocumentsOf } from '../../contract/foundation';
import { foundationParameterFolder, foundationParameterName, type FoundationKind } from '../../contract/naming';
import type { PlannedStack } from '../../contract/plan';

/** A foundational stack as the plan names it: whose document, and the command that deploys it. */
export type FoundationSource = Pick<PlannedStack<FoundationKind>, 'kind' | 'name' | 'deployCommand'>;

export interface FoundationReaderProps {
  /** The env whose foundation documents are read (`/goldenpath/{env}/foundation/…`). */
  readonly env: string;
  /** The foundational stacks whose documents this stack cannot be planned without (from the plan's `stacks`). */
  readonly required: readonly FoundationSource[];
}

/** Stable Terraform address, so `terraform test` can override it: `data.aws_ssm_parameters_by_path.foundation_documents`. */
export const FOUNDATION_DATA_ADDRESS = 'data.aws_ssm_parameters_by_path.foundation_documents';

/** The message a plan fails with when a foundation document is absent. */
export function missingFoundationMessage(env: string, stack: FoundationSource): string {
  return `Foundation document ${foundationParameterName(env, stack.kind)} is missing: deploy the ${stack.name} stack first (${stack.deployCommand}).`;
}

export function staleFoundationMessage(env: string, stack: FoundationSource): string {
  return `Foundation document ${foundationParameterName(env, stack.kind)} is not schemaVersion ${FOUNDATION_SCHEMA_VERSION}: redeploy the ${stack.name} stack with this version of goldenpath-infra (${stack.deployCommand}).`;
}

/**
 * Reads the env's foundation documents from SSM in one call. A plan fails
 * with a message naming the stack to deploy first when a required document is
 * absent or of another schema version (absence cannot fail a single-parameter
 * data source with a readable message, so the folder is listed instead).
 */
export class FoundationReader extends Construct {
  readonly data: DataAwsSsmParametersByPath;
  private readonly documents = new Map<FoundationKind, TerraformLocal>();

  constructor(scope: Construct, id: string, props: FoundationReaderProps) {
    super(scope, id);
    const postcondition = props.required.flatMap((stack) => {
      const name = JSON.stringify(foundationParameterName(props.env, stack.kind));
      return [
        { condition: `\${contains(self.names, ${name})}`, errorMessage: missingFoundationMessage(props.env, stack) },
        {
          condition: `\${!contains(self.names, ${name}) || try(jsondecode(self.values[index(self.names, ${name})]).schemaVersion, 0) == ${FOUNDATION_SCHEMA_VERSION}}`,
          errorMessage: staleFoundationMessage(props.env, stack),
        },
      ];
    });
    this.data = new DataAwsSsmParametersByPath(this, 'documents', {
      path: foundationParameterFolder(props.env),
      recursive: false,
      withDecryption: false,
      lifecycle: { postcondition },
    });
    this.data.overrideLogicalId('foundation_documents');

    for (const { kind } of props.required) {
      const name = foundationParameterName(props.env, kind);
      const local = new TerraformLocal(
        this,
        `foundation_${kind}`,
        // The provider marks `values` sensitive; foundation documents are plain String parameters with no secrets.
        Fn.nonsensitive(Fn.jsondecode(Fn.element(this.data.values, Token.asNumber(Fn.index(this.data.names, name))))),
      );
      local.overrideLogicalId(`foundation_${kind}`);
      this.documents.set(kind, local);
    }
  }

  /** A field of a required document, as a Terraform reference. */
  field<K extends FoundationKind>(kind: K, field: keyof FoundationDocumentsOf[K] & string): string {
    return Token.asString(Fn.lookupNested(this.local(kind).expression, [field]));
  }

  /** A list field of a required document, as a Terraform reference. */
  listField<K extends FoundationKind>(kind: K, field: keyof FoundationDocumentsOf[K] & string): string[] {
    return Token.asList(Fn.lookupNested(this.local(kind).expression, [field]));
  }

  private local(kind: FoundationKind): TerraformLocal {
    const local = this.documents.get(kind);
    if (local === undefined) throw new Error(`foundation document "${kind}" was not declared as required by ${this.node.path}`);
    return local;
  }
}
