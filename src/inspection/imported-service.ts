/** A service defined in another app or account (internal: returned as `IGatewayLoadBalancerService`). */
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { GatewayLoadBalancerServiceAttributes, IGatewayLoadBalancerService } from './service-reference';
import { AvailabilityZoneIds } from '../core/az-ids';
import { checkRegionName } from '../core/region-names';
import { regionOfServiceName } from '../core/service-name';

/** A service defined elsewhere, as `GatewayLoadBalancerService.fromServiceAttributes` returns it. */
export class ImportedGatewayLoadBalancerService extends Construct implements IGatewayLoadBalancerService {
  public readonly serviceName: string;
  public readonly region?: string;
  public readonly availabilityZoneIds?: string[];
  public readonly supportedIpAddressTypes: string[];
  public readonly vpc?: ec2.IVpc;

  constructor(scope: Construct, id: string, attrs: GatewayLoadBalancerServiceAttributes) {
    super(scope, id);
    const region = regionOfServiceName(this, 'serviceName', attrs.serviceName);
    if (region !== undefined) checkRegionName(this, 'serviceName', region);
    if (attrs.availabilityZoneIds) AvailabilityZoneIds._validate(this, 'availabilityZoneIds', attrs.availabilityZoneIds);
    this.serviceName = attrs.serviceName;
    this.region = region;
    this.availabilityZoneIds = attrs.availabilityZoneIds ? [...attrs.availabilityZoneIds] : undefined;
    this.supportedIpAddressTypes = [...(attrs.supportedIpAddressTypes ?? [ec2.IpAddressType.IPV4])];
  }
}
