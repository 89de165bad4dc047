/**
 * Terraform treats every JSON string as a template: `%{` and `${` start
 * directives and interpolations. Contract values such as the ExternalDNS
 * prefix `_gp-%{record_type}.` must reach Terraform literally, while cdktf
 * tokens (`${TfToken[...]}`) must stay live references.
 */
export function terraformLiteral<T>(value: T): T {
  if (typeof value === 'string') {
    // A replacement function: in a replacement string `$$` would collapse to a single `$`.
    return value.replace(/%\{/g, '%%{').replace(/\$\{(?!TfToken\[)/g, () => '$${') as T;
  }
  if (Array.isArray(value)) return value.map((v) => terraformLiteral(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [terraformLiteral(k), terraformLiteral(v)])) as T;
  }
  return value;
}
