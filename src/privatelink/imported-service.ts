/** A service defined in another app or account (internal: returned as `IPrivateLinkService`). */
import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { checkPrivateDnsName } from './names';
import { validatePorts } from './ports';
import { IPrivateLinkService, PrivateLinkPort, PrivateLinkServiceAttributes } from './service-reference';
import { AvailabilityZoneIds } from '../core/az-ids';
import { fail } from '../core/errors';
import { checkRegionName } from '../core/region-names';
import { Rules } from '../core/rules';
import { regionOfServiceName } from '../core/service-name';
import { show } from '../core/warnings';

/** A service defined elsewhere, as `PrivateLinkService.fromServiceAttributes` returns it. */
export class ImportedPrivateLinkService extends Construct implements IPrivateLinkService {
  public readonly serviceName: string;
  public readonly ports: PrivateLinkPort[];
  public readonly region?: string;
  public readonly supportedRegions: string[];
  public readonly availabilityZoneIds?: string[];
  public readonly privateDnsName?: string;
  public readonly privateDnsNameVerified: boolean;
  public readonly supportedIpAddressTypes?: ec2.IpAddressType[];
  public readonly vpc?: ec2.IVpc;

  constructor(scope: Construct, id: string, attrs: PrivateLinkServiceAttributes) {
    super(scope, id);
    validatePorts(this, 'ports', attrs.ports);
    if (attrs.ports.length === 0) {
      fail(this, Rules.PRIVATELINK_LISTENERS_EMPTY, {
        prop: 'ports',
        received: '[]',
        rule: 'an endpoint service listens on at least one port',
        fix: 'List the ports of the service\'s listeners, e.g. ports: [{ port: 443 }].',
      });
    }
    const named = regionOfServiceName(this, 'serviceName', attrs.serviceName);
    if (attrs.region !== undefined) checkRegionName(this, 'region', attrs.region);
    // A region named in the service name is checked like a given one.
    if (named !== undefined && attrs.region === undefined) checkRegionName(this, 'serviceName', named);
    if (named !== undefined && attrs.region !== undefined && !Token.isUnresolved(attrs.region) && named !== attrs.region) {
      fail(this, Rules.PRIVATELINK_SERVICE_NAME_INVALID, {
        prop: 'serviceName',
        received: `${show(attrs.serviceName)} names region ${named}, but region is ${show(attrs.region)}`,
        rule: 'an endpoint service name carries the region of the service',
      });
    }
    (attrs.supportedRegions ?? []).forEach((r, i) => checkRegionName(this, `supportedRegions[${i}]`, r));
    checkPrivateDnsName(this, 'privateDnsName', attrs.privateDnsName);
    if (attrs.availabilityZoneIds) AvailabilityZoneIds._validate(this, 'availabilityZoneIds', attrs.availabilityZoneIds);

    this.serviceName = attrs.serviceName;
    this.ports = [...attrs.ports];
    const region = attrs.region ?? named;
    this.region = region === undefined || Token.isUnresolved(region) ? undefined : region;
    this.supportedRegions = [...(attrs.supportedRegions ?? [])];
    this.availabilityZoneIds = attrs.availabilityZoneIds ? [...attrs.availabilityZoneIds] : undefined;
    this.privateDnsName = attrs.privateDnsName;
    this.privateDnsNameVerified = attrs.privateDnsName !== undefined;
    this.supportedIpAddressTypes = attrs.supportedIpAddressTypes ? [...attrs.supportedIpAddressTypes] : undefined;
  }
}
