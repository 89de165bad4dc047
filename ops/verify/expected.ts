import { CATALOG } from '../../contract/catalog/catalog';
import { OIDC_REALM } from '../../contract/catalog/apps/oidc-config';
import { keycloak } from '../../contract/catalog/apps/keycloak';
import { selectApps } from '../../contract/catalog/select';
import { ARGOCD_HOST_LABEL } from '../../contract/argocd';
import type { Tier } from '../../contract/lifecycle';
import { appHostname } from '../../contract/naming';
import type { Plan } from '../../contract/plan';

export interface ExpectedApp {
  readonly name: string;
  readonly tier: Tier;
  readonly syncWave: number;
}

/** What a healthy cluster of this selection runs, from `minTier` up: the apps the platform stack selects, their hostnames, the OIDC realm at tier 3. */
export interface Expectation {
  readonly maxTier: Tier;
  readonly apps: readonly ExpectedApp[];
  readonly hostnames: readonly string[];
  /** The OIDC discovery URL of the platform realm, when Keycloak is checked. */
  readonly realmDiscoveryUrl?: string;
}

/**
 * The same selection the platform stack renders: every app inside maxTier and
 * the lifecycle, with the capabilities the stacks provide for it. Apps below
 * `minTier` are left out (the nightly validation checks tiers 2 and 3 only);
 * the Argo CD UI is checked with tier 1.
 */
export function expectationOf(plan: Plan, minTier: Tier): Expectation {
  const { maxTier } = plan;
  const selected = selectApps(CATALOG, { env: plan.env.name, maxTier, lifecycle: plan.lifecycle, capabilities: [...plan.capabilities] }).filter((a) => a.tier >= minTier);
  const suffix = plan.names.hostSuffix;
  const labels = [...(minTier <= 1 ? [ARGOCD_HOST_LABEL] : []), ...selected.flatMap((a) => a.hostLabels ?? [])];
  const withKeycloak = selected.some((a) => a.name === keycloak.name);
  return {
    maxTier,
    apps: selected.map((a) => ({ name: a.name, tier: a.tier, syncWave: a.syncWave })),
    hostnames: labels.map((l) => appHostname(l, suffix)),
    ...(withKeycloak ? { realmDiscoveryUrl: `https://${appHostname(keycloak.name, suffix)}/realms/${OIDC_REALM}/.well-known/openid-configuration` } : {}),
  };
}
