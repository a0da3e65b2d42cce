/** A service defined in another app or account (internal: returned as `IGatewayLoadBalancerService`). */
import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { GatewayLoadBalancerServiceAttributes, IGatewayLoadBalancerService } from './service-reference';
import { AvailabilityZoneIds } from '../core/az-ids';
import { fail } from '../core/errors';
import { Rules } from '../core/rules';
import { show } from '../core/warnings';
import { validateRegionName } from '../net/regions';

// Endpoint service names: com.amazonaws.vpce.<region>.vpce-svc-<hex> (cn.com.amazonaws.vpce... in China).
const SERVICE_NAME = /^(?:[a-z0-9-]+\.)*vpce\.([a-z0-9-]+)\.vpce-svc-[0-9a-f]+$/;

/** A service defined elsewhere, as `GatewayLoadBalancerService.fromServiceAttributes` returns it. */
export class ImportedGatewayLoadBalancerService extends Construct implements IGatewayLoadBalancerService {
  public readonly serviceName: string;
  public readonly region?: string;
  public readonly availabilityZoneIds?: string[];
  public readonly supportedIpAddressTypes: string[];
  public readonly vpc?: ec2.IVpc;

  constructor(scope: Construct, id: string, attrs: GatewayLoadBalancerServiceAttributes) {
    super(scope, id);
    let region: string | undefined;
    if (!Token.isUnresolved(attrs.serviceName)) {
      const m = SERVICE_NAME.exec(attrs.serviceName);
      if (!m) {
        fail(this, Rules.PRIVATELINK_SERVICE_NAME_INVALID, {
          prop: 'serviceName',
          received: show(attrs.serviceName),
          rule: 'an endpoint service name looks like com.amazonaws.vpce.<region>.vpce-svc-<id>',
        });
      }
      region = m[1];
      validateRegionName(region, `GatewayLoadBalancerService '${this.node.path}'`, 'serviceName');
    }
    if (attrs.availabilityZoneIds) AvailabilityZoneIds._validate(this, 'availabilityZoneIds', attrs.availabilityZoneIds);
    this.serviceName = attrs.serviceName;
    this.region = region;
    this.availabilityZoneIds = attrs.availabilityZoneIds ? [...attrs.availabilityZoneIds] : undefined;
    this.supportedIpAddressTypes = [...(attrs.supportedIpAddressTypes ?? [ec2.IpAddressType.IPV4])];
  }
}
