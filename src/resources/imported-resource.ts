/** A resource configuration defined in another app or account (internal: returned as `IPrivateLinkResource`). */
import { Arn, ArnFormat, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { parsePortRanges } from './ports';
import { IPrivateLinkResource, PrivateLinkResourceAttributes } from './resource-reference';
import { AvailabilityZoneIds } from '../core/az-ids';
import { fail } from '../core/errors';
import { Rules } from '../core/rules';
import { show } from '../core/warnings';

// AWS::VpcLattice::ResourceConfiguration Arn: arn:<partition>:vpc-lattice:<region>:<account>:resourceconfiguration/rcfg-<17>.
const CONFIG_ARN = /^arn:[a-z0-9-]+:vpc-lattice:[a-z0-9-]+:\d{12}:resourceconfiguration\/rcfg-[0-9a-z]{17}$/;

/** A resource defined elsewhere, as `PrivateLinkResource.fromResourceAttributes` returns it (internal). */
export class ImportedPrivateLinkResource extends Construct implements IPrivateLinkResource {
  public readonly resourceConfigurationArn: string;
  public readonly portRanges: string[];
  public readonly region?: string;
  public readonly account?: string;
  public readonly availabilityZoneIds?: string[];
  public readonly vpc?: ec2.IVpc;
  public readonly sharedAccounts?: string[];

  constructor(scope: Construct, id: string, attrs: PrivateLinkResourceAttributes) {
    super(scope, id);
    parsePortRanges(this, 'portRanges', attrs.portRanges);
    if (attrs.availabilityZoneIds) AvailabilityZoneIds._validate(this, 'availabilityZoneIds', attrs.availabilityZoneIds);
    const arn = attrs.resourceConfigurationArn;
    if (!Token.isUnresolved(arn)) {
      if (!CONFIG_ARN.test(arn)) {
        fail(this, Rules.RESOURCE_ENDPOINT_TARGET_INVALID, {
          prop: 'resourceConfigurationArn',
          received: show(arn),
          rule: 'a resource configuration ARN looks like arn:aws:vpc-lattice:<region>:<account>:resourceconfiguration/rcfg-<17 characters>',
        });
      }
      const parts = Arn.split(arn, ArnFormat.SLASH_RESOURCE_NAME);
      this.region = parts.region;
      this.account = parts.account;
    }
    this.resourceConfigurationArn = arn;
    this.portRanges = [...attrs.portRanges];
    this.availabilityZoneIds = attrs.availabilityZoneIds ? [...attrs.availabilityZoneIds] : undefined;
  }
}
