import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { newApp, stackIn } from './fixtures';
import { PrivateLinkService, PrivateLinkServiceAttributes } from '../../src/privatelink';

const NAME = 'com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0';

function imported(attrs: Partial<PrivateLinkServiceAttributes>) {
  const stack = stackIn(newApp(), 'Consumer');
  return PrivateLinkService.fromServiceAttributes(stack, 'Orders', { serviceName: NAME, ports: [{ port: 443 }], ...attrs });
}

describe('PrivateLinkService.fromServiceAttributes', () => {
  test('the region comes from the service name; nothing else is assumed', () => {
    // WHEN
    const svc = imported({});

    // THEN
    expect(svc.serviceName).toBe(NAME);
    expect(svc.region).toBe('eu-west-1');
    expect(svc.supportedRegions).toEqual([]);
    expect(svc.availabilityZoneIds).toBeUndefined();
    expect(svc.privateDnsName).toBeUndefined();
    expect(svc.privateDnsNameVerified).toBe(false);
    expect(svc.vpc).toBeUndefined();
  });

  test('all attributes; a private DNS name given is a verified one; China service names parse', () => {
    const svc = imported({
      ports: [{ port: 53, protocol: elbv2.Protocol.TCP_UDP }],
      region: 'eu-west-1',
      supportedRegions: ['us-east-1'],
      availabilityZoneIds: ['euw1-az1', 'euw1-az3'],
      privateDnsName: 'orders.example.com',
    });
    expect(svc.ports).toEqual([{ port: 53, protocol: elbv2.Protocol.TCP_UDP }]);
    expect(svc.supportedRegions).toEqual(['us-east-1']);
    expect(svc.availabilityZoneIds).toEqual(['euw1-az1', 'euw1-az3']);
    expect(svc.privateDnsNameVerified).toBe(true);
    expect(imported({ serviceName: 'cn.com.amazonaws.vpce.cn-north-1.vpce-svc-0a1b2c3d4e5f60718' }).region).toBe('cn-north-1');
  });

  const refused: Array<[string, Partial<PrivateLinkServiceAttributes>, RegExp]> = [
    ['not a service name', { serviceName: 'com.amazonaws.eu-west-1.s3' }, /serviceName "com\.amazonaws\.eu-west-1\.s3"; .*\[cdk-private-connectivity:privatelink-service-name-invalid\]/],
    ['name and region disagree', { region: 'us-east-1' }, /names region eu-west-1, but region is "us-east-1"; .*privatelink-service-name-invalid/],
    ['no port', { ports: [] }, /ports \[\]; .*\[cdk-private-connectivity:privatelink-listeners-empty\]/],
    ['port out of range', { ports: [{ port: 0 }] }, /ports\[0\]\.port 0; .*privatelink-listener-port-invalid/],
    ['duplicate port', { ports: [{ port: 443 }, { port: 443 }] }, /ports\[1\]\.port 443 \(also ports\[0\]\.port\); .*privatelink-listener-port-duplicate/],
    ['supported region that is not a region', { supportedRegions: ['Europe'] }, /supportedRegions\[0\] "Europe"; .*\[cdk-private-connectivity:region-invalid\]/],
    ['AZ names as AZ IDs', { availabilityZoneIds: ['euw1-az1', 'eu-west-1b'] }, /availabilityZoneIds\[1\] "eu-west-1b"; this is an AZ name.*\[cdk-private-connectivity:privatelink-az-id-invalid\]/],
    ['garbage AZ ID', { availabilityZoneIds: ['az1'] }, /availabilityZoneIds\[0\] "az1"; an AZ ID looks like use1-az1.*privatelink-az-id-invalid/],
  ];
  test.each(refused)('refused: %s', (_name, attrs, message) => {
    expect(() => imported(attrs)).toThrow(message);
  });
});
