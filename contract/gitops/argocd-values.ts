import { helmGlobals, type BootstrapValues } from '../bootstrap-values';
import { INGRESS_CLASS, ingressAnnotations } from '../catalog/apps/app-wiring';
import type { Lifecycle } from '../lifecycle';
import { appHostname } from '../naming';
import { APPLICATION_HEALTH_KEY, APPLICATION_HEALTH_LUA, ARGOCD_HOST_LABEL } from '../argocd';

/** How much Argo CD a cluster gets. */
export type ArgocdProfile = 'minimal' | 'standard' | 'high-availability';

/** Ephemeral builds get the smallest Argo CD; persistent clusters get HA where the env asks for it. */
export function argocdProfile(lifecycle: Lifecycle, highAvailability: boolean): ArgocdProfile {
  if (lifecycle === 'ephemeral') return 'minimal';
  return highAvailability ? 'high-availability' : 'standard';
}

interface ComponentSize {
  readonly replicas: number;
  readonly requests: { readonly cpu: string; readonly memory: string };
}

const SIZES: Readonly<Record<ArgocdProfile, { controller: ComponentSize; server: ComponentSize; repoServer: ComponentSize; applicationSet: ComponentSize }>> = {
  minimal: {
    controller: { replicas: 1, requests: { cpu: '100m', memory: '256Mi' } },
    server: { replicas: 1, requests: { cpu: '25m', memory: '64Mi' } },
    repoServer: { replicas: 1, requests: { cpu: '50m', memory: '128Mi' } },
    applicationSet: { replicas: 1, requests: { cpu: '25m', memory: '64Mi' } },
  },
  standard: {
    controller: { replicas: 1, requests: { cpu: '250m', memory: '512Mi' } },
    server: { replicas: 1, requests: { cpu: '50m', memory: '128Mi' } },
    repoServer: { replicas: 1, requests: { cpu: '100m', memory: '256Mi' } },
    applicationSet: { replicas: 1, requests: { cpu: '50m', memory: '128Mi' } },
  },
  'high-availability': {
    controller: { replicas: 2, requests: { cpu: '500m', memory: '1Gi' } },
    server: { replicas: 2, requests: { cpu: '100m', memory: '128Mi' } },
    repoServer: { replicas: 2, requests: { cpu: '250m', memory: '256Mi' } },
    applicationSet: { replicas: 2, requests: { cpu: '50m', memory: '128Mi' } },
  },
};

function component(size: ComponentSize) {
  return { replicas: size.replicas, resources: { requests: { ...size.requests } } };
}

/**
 * Values of the argo-cd chart: UI at `argocd.{hostSuffix}` behind Kong (TLS
 * ends at the load balancer, so the server runs plain HTTP), redis-ha
 * instead of the single redis when highly available, no Dex (OIDC comes
 * from Keycloak at tier 3), and the health check for Applications that
 * makes the app-of-apps wait for each wave.
 */
export function renderArgocdValues(values: BootstrapValues, profile: ArgocdProfile) {
  const sizes = SIZES[profile];
  const ha = profile === 'high-availability';
  return {
    global: { domain: appHostname(ARGOCD_HOST_LABEL, values.hostSuffix), ...helmGlobals(values).global },
    configs: { params: { 'server.insecure': true }, cm: { [APPLICATION_HEALTH_KEY]: APPLICATION_HEALTH_LUA } },
    controller: component(sizes.controller),
    server: { ...component(sizes.server), ingress: { enabled: true, ingressClassName: INGRESS_CLASS, annotations: ingressAnnotations() } },
    repoServer: component(sizes.repoServer),
    applicationSet: component(sizes.applicationSet),
    dex: { enabled: false },
    redis: { enabled: !ha },
    'redis-ha': { enabled: ha },
  };
}
