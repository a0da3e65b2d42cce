import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import {
  CidrBlock,
  ConnectivityGraph,
  GatewayEndpointService,
  GatewayEndpointSet,
  InterfaceEndpointService,
  InterfaceEndpointSet,
  PeeredVpcPair,
  PrivateLinkEndpoint,
  PrivateLinkService,
} from '../../src';
import { ConnectivityError } from '../../src/core/error';

/**
 * Bad input to any public entry point is refused with a ConnectivityError whose message names
 * the construct path (or the class), the value received and the rule ID: never a TypeError from
 * deep inside, never a template CloudFormation would reject at deploy time.
 */
function fixture() {
  const app = new App();
  const stack = new Stack(app, 'S', { env: { account: '111111111111', region: 'us-east-1' } });
  const vpc = (id: string, cidr: string) => new ec2.Vpc(stack, id, {
    ipAddresses: ec2.IpAddresses.cidr(cidr),
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [{ name: 'app', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
  });
  return { app, stack, a: vpc('A', '10.0.0.0/16'), b: vpc('B', '10.1.0.0/16') };
}

const cases: Array<[string, RegExp, () => unknown]> = [
  ['an empty CIDR', /CidrBlock: block ""/, () => CidrBlock.parse('')],
  ['host bits set', /"10\.0\.0\.1\/16".*Use 10\.0\.0\.0\/16/, () => CidrBlock.parse('10.0.0.1/16')],
  ['an IPv6 prefix past 128', /"fd00::\/129"/, () => CidrBlock.parse('fd00::/129')],
  ['a quota of zero', /routesPerRouteTable/, () => ConnectivityGraph.of(new App()).declareQuotas({ routesPerRouteTable: 0 })],
  ['a VPC peered with itself', /S\/P/, () => {
    const { stack, a } = fixture();
    return new PeeredVpcPair(stack, 'P', { requester: a, accepter: a });
  }],
  ['a malformed CIDR override', /PeeredVpcPair 'S\/P': accepterCidrBlocks\[0\] "10\.1\.0\.1\/16".*Use 10\.1\.0\.0\/16/, () => {
    const { stack, a, b } = fixture();
    return new PeeredVpcPair(stack, 'P', { requester: a, accepter: b, accepterCidrBlocks: ['10.1.0.1/16'] });
  }],
  ['a malformed consumer CIDR override', /PrivateLinkEndpoint 'S\/Client': vpcCidrBlocks\[0\] "10\.1\.0\.0\/8"/, () => {
    const { stack, a, b } = fixture();
    const svc = new PrivateLinkService(stack, 'Svc', { vpc: a, listeners: [{ port: 443 }] });
    return new PrivateLinkEndpoint(stack, 'Client', { vpc: b, service: svc, vpcCidrBlocks: ['10.1.0.0/8'] });
  }],
  ['a service with no listener', /S\/Svc/, () => {
    const { stack, a } = fixture();
    return new PrivateLinkService(stack, 'Svc', { vpc: a, listeners: [] });
  }],
  ['a listener port out of range', /S\/Svc.*70000/, () => {
    const { stack, a } = fixture();
    return new PrivateLinkService(stack, 'Svc', { vpc: a, listeners: [{ port: 70000 }] });
  }],
  ['a principal that is not an ARN', /S\/Svc.*not-an-arn/, () => {
    const { stack, a } = fixture();
    return new PrivateLinkService(stack, 'Svc', { vpc: a, listeners: [{ port: 443 }], allowedPrincipals: [new iam.ArnPrincipal('not-an-arn')] });
  }],
  ['an imported service with a malformed name', /S\/Svc.*bogus/, () => {
    const { stack, b } = fixture();
    const svc = PrivateLinkService.fromServiceAttributes(stack, 'Svc', { serviceName: 'bogus', ports: [{ port: 443 }] });
    return new PrivateLinkEndpoint(stack, 'Client', { vpc: b, service: svc });
  }],
  ['a gateway endpoint for a service that has none', /S\/G.*sns/, () => {
    const { stack, a } = fixture();
    return new GatewayEndpointSet(stack, 'G', { vpc: a, services: [GatewayEndpointService.of('sns')] });
  }],
  ['an interface endpoint set with no service', /S\/I/, () => {
    const { stack, a } = fixture();
    return new InterfaceEndpointSet(stack, 'I', { vpc: a, services: [] });
  }],
  ['an interface service name for another region', /S\/I.*eu-west-1/, () => {
    const { stack, a } = fixture();
    return new InterfaceEndpointSet(stack, 'I', { vpc: a, services: [InterfaceEndpointService.of('com.amazonaws.eu-west-1.sns')] });
  }],
];

describe('bad input', () => {
  test.each(cases)('%s: a ConnectivityError naming the value and the rule', (_name, message, build) => {
    let caught: unknown;
    try {
      build();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ConnectivityError);
    const err = caught as ConnectivityError;
    expect(err.name).toBe('ConnectivityError');
    expect(err.message).toMatch(message);
    expect(err.message).toMatch(new RegExp(`\\[cdk-private-connectivity:${err.ruleId}\\]$`));
  });
});
