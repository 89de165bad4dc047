import { AcmCertificate } from '@cdktf/provider-aws/lib/acm-certificate';
import { AcmCertificateValidation } from '@cdktf/provider-aws/lib/acm-certificate-validation';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { Fn, Token } from 'cdktf';
import { Construct } from 'constructs';
import { validationRecordSuffix, wildcardDomain } from '../../contract/tls';

export interface WildcardCertificateProps {
  /** Every hostname is `{app}.{hostSuffix}`; the certificate is for `*.{hostSuffix}`. */
  readonly hostSuffix: string;
  /** The env's hosted zone, which holds the DNS validation record. */
  readonly zoneId: string;
  /** How long to wait for ACM to issue the certificate. @default '45m' */
  readonly issueTimeout?: string;
}

/**
 * A publicly trusted ACM certificate for `*.{hostSuffix}`, DNS-validated
 * with a record inside the owner's space (a precondition refuses any other
 * name before it is written), and the wait until ACM has issued it. Created
 * beside the EKS cluster, so issuance overlaps the control plane's creation.
 */
export class WildcardCertificate extends Construct {
  readonly certificate: AcmCertificate;
  readonly validationRecord: Route53Record;
  readonly validation: AcmCertificateValidation;

  constructor(scope: Construct, id: string, props: WildcardCertificateProps) {
    super(scope, id);
    this.certificate = new AcmCertificate(this, 'certificate', {
      domainName: wildcardDomain(props.hostSuffix),
      validationMethod: 'DNS',
      keyAlgorithm: 'RSA_2048',
      // A replacement is issued before the load balancer lets go of the old one.
      lifecycle: { createBeforeDestroy: true },
    });
    // One domain name, so one validation option.
    const option = Fn.element(Fn.tolist(this.certificate.domainValidationOptions), 0);
    const name = Token.asString(Fn.lookup(option, 'resource_record_name'));
    this.validationRecord = new Route53Record(this, 'validation', {
      zoneId: props.zoneId,
      name,
      type: Token.asString(Fn.lookup(option, 'resource_record_type')),
      records: [Token.asString(Fn.lookup(option, 'resource_record_value'))],
      ttl: 60,
      // ACM asks for the same record for the same name in an account: a rebuilt certificate reuses it.
      allowOverwrite: true,
      lifecycle: {
        precondition: [
          {
            condition: Fn.endswith(Fn.lower(Fn.trimsuffix(name, '.')), validationRecordSuffix(props.hostSuffix)),
            errorMessage: `The DNS validation record of ${wildcardDomain(props.hostSuffix)} must lie below ${props.hostSuffix}, the owner's space; ACM asked for another name.`,
          },
        ],
      },
    });
    this.validation = new AcmCertificateValidation(this, 'issued', {
      certificateArn: this.certificate.arn,
      validationRecordFqdns: [this.validationRecord.fqdn],
      timeouts: { create: props.issueTimeout ?? '45m' },
    });
  }
}
