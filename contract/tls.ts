/**
 * TLS for every hostname the platform serves (`{app}.{hostSuffix}`): one ACM
 * wildcard certificate per hostSuffix, validated by a DNS record inside the
 * owner's own space and terminated at the NLB in front of Kong. ACM has no
 * per-domain issuance limit (Let's Encrypt allows 50 certificates per
 * registered domain per week, shared by every env of the base domain); its
 * quotas are per account and region: 2,500 certificates at a time and 5,000
 * requested per 365 days, both adjustable.
 */

/** `*.{hostSuffix}`: covers every `{app}.{hostSuffix}` and nothing of another owner (a wildcard spans one label). */
export function wildcardDomain(hostSuffix: string): string {
  return `*.${hostSuffix}`;
}

/** What every DNS validation record of the certificate must end with: strictly below hostSuffix, the owner's space. */
export function validationRecordSuffix(hostSuffix: string): string {
  return `.${hostSuffix.toLowerCase()}`;
}

/**
 * True when a DNS validation record ACM asks for (`_<token>.{hostSuffix}.`,
 * trailing dot optional, any case) lies inside the owner's space. The
 * cluster stack holds the record to the same rule as a Terraform
 * precondition before it is written.
 */
export function isValidationRecordInScope(recordName: string, hostSuffix: string): boolean {
  const name = recordName.trim().toLowerCase().replace(/\.$/, '');
  const suffix = validationRecordSuffix(hostSuffix);
  return name.endsWith(suffix) && name.length > suffix.length;
}

/** TLS 1.3 and 1.2 only, forward-secret ciphers. */
export const TLS_SECURITY_POLICY = 'ELBSecurityPolicy-TLS13-1-2-2021-06';

/** The Kong proxy Service ports: 80 answers with a redirect, 443 is the NLB's TLS listener. */
export const PROXY_PORTS = { http: 80, https: 443 } as const;

/**
 * aws-load-balancer-controller Service annotations: an NLB whose port 443
 * is a TLS listener with the ACM certificate; it re-encrypts to Kong's TLS
 * port (`backend-protocol: ssl`) so Kong sees HTTPS there and plain HTTP on
 * port 80, which is what its redirect needs (an NLB cannot redirect).
 */
export function tlsListenerAnnotations(certificateArn: string): Record<string, string> {
  return {
    'service.beta.kubernetes.io/aws-load-balancer-ssl-cert': certificateArn,
    'service.beta.kubernetes.io/aws-load-balancer-ssl-ports': String(PROXY_PORTS.https),
    'service.beta.kubernetes.io/aws-load-balancer-ssl-negotiation-policy': TLS_SECURITY_POLICY,
    'service.beta.kubernetes.io/aws-load-balancer-backend-protocol': 'ssl',
  };
}

/**
 * Kong ingress controller annotations on every app Ingress: the route
 * accepts HTTPS only and answers plain HTTP with a 301 to the same URL on
 * https (instead of Kong's default 426).
 */
export const HTTPS_ONLY_INGRESS_ANNOTATIONS: Readonly<Record<string, string>> = {
  'konghq.com/protocols': 'https',
  'konghq.com/https-redirect-status-code': '301',
};
