/** `>= X.Y[.Z]`, the only constraint form contract/versions.ts uses for Terraform; anything else is an error to extend this. */
export function satisfiesAtLeast(version: string, constraint: string): boolean {
  const m = constraint.match(/^>=\s*(\d+(?:\.\d+){0,2})$/);
  if (m === null) throw new Error(`constraint "${constraint}" is not of the form ">= X.Y.Z"`);
  const parts = (v: string) => v.split('.').map(Number);
  const [a, b] = [parts(version), parts(m[1]!)];
  for (let i = 0; i < 3; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}
