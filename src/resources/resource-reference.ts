/**
 * What a consumer needs to know of a shared resource, whether it is defined in this app
 * (`PrivateLinkResource`) or elsewhere (`PrivateLinkResource.fromResourceAttributes`).
 */
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { IConstruct } from 'constructs';

/** A resource configuration that resource endpoints can connect to. */
export interface IPrivateLinkResource extends IConstruct {
  /** The resource configuration's ARN. */
  readonly resourceConfigurationArn: string;
  /** The port ranges the resource accepts (e.g. `5432`, `8000-8010`). */
  readonly portRanges: string[];
  /**
   * The resource configuration's region.
   * @default - unknown: region checks are skipped with a warning
   */
  readonly region?: string;
  /**
   * The account that owns the resource configuration.
   * @default - unknown
   */
  readonly account?: string;
  /**
   * AZ IDs of the resource gateway's zones.
   * @default - unknown: the endpoint's zones are not compared (warning)
   */
  readonly availabilityZoneIds?: string[];
  /**
   * The provider's VPC, for a resource defined in this app.
   * @default - a resource defined elsewhere
   */
  readonly vpc?: ec2.IVpc;
  /**
   * The accounts the resource is shared with, when every principal is a literal account.
   * @default - unknown (shared with organizations, OUs or token principals, or defined elsewhere)
   */
  readonly sharedAccounts?: string[];
}

/** What is known of a resource configuration defined in another app or account. */
export interface PrivateLinkResourceAttributes {
  /** The resource configuration's ARN, e.g. `arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0`. */
  readonly resourceConfigurationArn: string;
  /** The port ranges the resource accepts (e.g. `['5432']`). */
  readonly portRanges: string[];
  /**
   * AZ IDs (not names) of the resource gateway's zones, e.g. `['use1-az1', 'use1-az4']`.
   * @default - unknown: the endpoint's zones are not compared (warning)
   */
  readonly availabilityZoneIds?: string[];
}
