import { AppNamespaceSchema, RESERVED_NAMESPACES } from '../../../contract/gitops/app-namespaces';
import { ARGOCD_NAMESPACE } from '../../../contract/argocd';
import { CATALOG } from '../../../contract/catalog/catalog';
import { defineEnvironment } from '../../../envs/schema';
import { dev } from '../../../envs/dev';

describe('the GitOps repository app namespaces (gitops.appNamespaces)', () => {
  it('takes Kubernetes namespace names', () => {
    for (const name of ['docs-portal', 'a', 'team1', 'x'.repeat(63)]) expect(AppNamespaceSchema.safeParse(name).success).toBe(true);
  });

  it.each(['Docs-Portal', ' docs-portal', 'docs-portal ', '', '-docs', 'docs-', 'docs_portal', 'docs.portal', 'x'.repeat(64)])('refuses %j, which is no namespace name', (name) => {
    expect(AppNamespaceSchema.safeParse(name).success).toBe(false);
  });

  it("reserves the cluster's own namespaces, Argo CD's and every platform app's", () => {
    expect(RESERVED_NAMESPACES).toEqual(expect.arrayContaining(['default', 'kube-system', 'kube-public', 'kube-node-lease', ARGOCD_NAMESPACE, ...CATALOG.map((a) => a.namespace)]));
  });

  it.each([ARGOCD_NAMESPACE, 'kube-system', 'monitoring', 'keycloak'])('refuses the reserved %s, naming it', (name) => {
    const result = AppNamespaceSchema.safeParse(name);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(new RegExp(`^"${name}" is reserved`));
  });

  it('defaults to none in an env that lists no app namespace', () => {
    expect(defineEnvironment(dev).gitops.appNamespaces).toEqual([]);
  });

  it('refuses an env whose app namespace is reserved, naming the field', () => {
    expect(() => defineEnvironment({ ...dev, gitops: { ...dev.gitops, appNamespaces: ['argocd'] } })).toThrow(/gitops\.appNamespaces/);
  });
});
