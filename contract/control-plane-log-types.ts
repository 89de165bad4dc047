/** Every control plane log type EKS offers; a cluster ships all of them to CloudWatch. */
export const CONTROL_PLANE_LOG_TYPES = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'] as const;
