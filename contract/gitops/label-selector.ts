/**
 * Kubernetes label selectors (`metav1.LabelSelector`) and how the API server
 * evaluates them: every matchLabels pair and every matchExpressions
 * requirement must hold; an empty selector matches everything.
 */
export type LabelSelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface LabelSelectorRequirement {
  readonly key: string;
  readonly operator: LabelSelectorOperator;
  readonly values?: readonly string[];
}

export interface LabelSelector {
  readonly matchLabels?: Readonly<Record<string, string>>;
  readonly matchExpressions?: readonly LabelSelectorRequirement[];
}

export class InvalidLabelSelectorError extends Error {
  constructor(requirement: LabelSelectorRequirement, problem: string) {
    super(`label selector requirement on "${requirement.key}" (${requirement.operator}) is invalid: ${problem}`);
    this.name = 'InvalidLabelSelectorError';
  }
}

function requirementHolds(req: LabelSelectorRequirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
    case 'NotIn': {
      if (values.length === 0) throw new InvalidLabelSelectorError(req, 'In and NotIn need at least one value');
      const contained = has && values.includes(labels[req.key]);
      return req.operator === 'In' ? contained : !contained;
    }
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) throw new InvalidLabelSelectorError(req, 'Exists and DoesNotExist take no values');
      return req.operator === 'Exists' ? has : !has;
  }
}

export function matchesLabelSelector(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  const pairs = Object.entries(selector.matchLabels ?? {});
  return (
    pairs.every(([key, value]) => Object.prototype.hasOwnProperty.call(labels, key) && labels[key] === value) &&
    (selector.matchExpressions ?? []).every((req) => requirementHolds(req, labels))
  );
}
