import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { newApp, routeCounts, stackIn, vpcIn } from './helpers';
import { PeeredVpcPair } from '../../src/peering';

describe('peering routes', () => {
  test('child IDs derive from the subnet and the block, so they do not shift when a pair changes', () => {
    // GIVEN
    const app = newApp();
    const s = stackIn(app, 'S');

    // WHEN
    const pair = new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: vpcIn(s, 'B', '10.1.0.0/16') });

    // THEN
    expect(pair.requesterRoutes.map((r) => r.node.id)).toEqual([
      'RequesterRoute-pubSubnet1-10.1.0.0-16',
      'RequesterRoute-pubSubnet2-10.1.0.0-16',
      'RequesterRoute-isoSubnet1-10.1.0.0-16',
      'RequesterRoute-isoSubnet2-10.1.0.0-16',
    ]);
    expect(pair.accepterRoutes).toHaveLength(4);
  });

  test('dual-stack VPCs: the Amazon-provided IPv6 block is routed via Fn::Select, after the block exists', () => {
    // GIVEN two dual-stack VPCs in one stack
    const app = newApp();
    const s = stackIn(app, 'S');
    const dual = { ipProtocol: ec2.IpProtocol.DUAL_STACK, maxAzs: 1, subnetConfiguration: [{ name: 'iso', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] };

    // WHEN
    new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16', dual), accepter: vpcIn(s, 'B', '10.1.0.0/16', dual) });

    // THEN
    expect(routeCounts(s)).toMatchObject({ '10.0.0.0/16': 1, '10.1.0.0/16': 1 });
    const t = Template.fromStack(s);
    t.hasResource('AWS::EC2::Route', {
      Properties: { DestinationIpv6CidrBlock: { 'Fn::Select': [0, { 'Fn::GetAtt': [Match.stringLikeRegexp('^B'), 'Ipv6CidrBlocks'] }] } },
      DependsOn: Match.arrayWith([Match.stringLikeRegexp('^Bipv6cidr')]),
    });
    t.hasResourceProperties('AWS::EC2::Route', {
      DestinationIpv6CidrBlock: { 'Fn::Select': [0, { 'Fn::GetAtt': [Match.stringLikeRegexp('^A'), 'Ipv6CidrBlocks'] }] },
    });
  });

  test('a selected imported subnet without a route table is refused', () => {
    const app = newApp();
    const s = stackIn(app, 'S');
    const b = ec2.Vpc.fromVpcAttributes(s, 'B', { vpcId: 'vpc-0bbbbbbb', vpcCidrBlock: '10.1.0.0/16', availabilityZones: ['us-east-1a'], isolatedSubnetIds: ['subnet-01111111'] });
    expect(() => new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: b }))
      .toThrow(/accepterSubnets selects subnet subnet-01111111 of S\/B, which has no route table ID.*vpc-route-table-unknown/);
  });

  test('a pending Vpc.fromLookup synthesizes (placeholder routes) without spurious block warnings', () => {
    const app = newApp();
    const s = stackIn(app, 'S');
    const b = ec2.Vpc.fromLookup(s, 'B', { vpcId: 'vpc-0eeeeeee' });
    new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16', { maxAzs: 1 }), accepter: b });
    const routes = Template.fromStack(s).findResources('AWS::EC2::Route', { Properties: { DestinationCidrBlock: '1.2.3.4/5' } });
    expect(Object.keys(routes)).toHaveLength(0);
  });
});
