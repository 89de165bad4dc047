import { CONTROL_PLANE_LOG_TYPES } from '../contract/control-plane-log-types';
import { resourcesOf, type Finding, type Rule } from './types';

const ID = 'eks-control-plane-logging';

/** Every control plane log type reaches CloudWatch: audit trails and authentication failures included. */
export const eksControlPlaneLogging: Rule = {
  id: ID,
  description: `Every EKS cluster enables all control plane logs (${CONTROL_PLANE_LOG_TYPES.join(', ')})`,
  check(tf) {
    const findings: Finding[] = [];
    for (const { address, config } of resourcesOf(tf, 'aws_eks_cluster')) {
      const enabled: unknown[] = Array.isArray(config.enabled_cluster_log_types) ? config.enabled_cluster_log_types : [];
      const missing = CONTROL_PLANE_LOG_TYPES.filter((t) => !enabled.includes(t));
      if (missing.length > 0) {
        findings.push({ rule: ID, address, message: `${address} must enable control plane log types ${missing.join(', ')} in enabled_cluster_log_types` });
      }
    }
    return findings;
  },
};
