import { App, Stack, Tags } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { arnMatching, importedVpc, newApp, PARTNER, routeCounts, routesOf, stackIn, synthErrors, vpcIn } from './helpers';
import { ConnectivityError } from '../../src/core/error';
import { ConnectivityGraph } from '../../src/core/graph';
import { PeeredVpcPair } from '../../src/peering';

const CONSTRUCTOR_REFUSALS: Array<[string, RegExp, (s: Stack, o: Stack, app: App) => void]> = [
  ['a VPC peered with itself', /requester\/accepter both are S\/A; a VPC peering connection joins two different VPCs.*\[cdk-private-connectivity:peering-self\]/, (s) => {
    const a = vpcIn(s, 'A', '10.0.0.0/16');
    new PeeredVpcPair(s, 'P', { requester: a, accepter: a });
  }],
  ['the same imported VPC twice', /requester\/accepter S\/I1 and S\/I2 are both vpc-05a3e5a3; .*\[cdk-private-connectivity:peering-self\]/, (s) => {
    new PeeredVpcPair(s, 'P', { requester: importedVpc(s, 'I1', 'vpc-05a3e5a3', '10.0.0.0/16'), accepter: importedVpc(s, 'I2', 'vpc-05a3e5a3', '10.0.0.0/16') });
  }],
  ['DNS resolution with DNS hostnames off', /allowDnsResolution true, but accepter S\/B has DNS hostnames off.*peering-dns-disabled/, (s) => {
    new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: vpcIn(s, 'B', '10.1.0.0/16', { enableDnsHostnames: false }), allowDnsResolution: true });
  }],
  ['DNS resolution with DNS support off', /requester S\/A has DNS support off.*peering-dns-disabled/, (s) => {
    new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16', { enableDnsSupport: false, enableDnsHostnames: false }), accepter: vpcIn(s, 'B', '10.1.0.0/16'), allowDnsResolution: true });
  }],
  ['accepterRoutesStack in the wrong region', /accepterRoutesStack "?Other"? \(111111111111\/eu-west-1\).*peering-stack-env/, (s, _o, app) => {
    const other = stackIn(app, 'Other', 'eu-west-1');
    new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: vpcIn(s, 'B', '10.1.0.0/16'), accepterRoutesStack: other });
  }],
  ['cross-account accepter routes in the stack the request waits for', /accepterRoutesStack Partner; the requester stack S must be deployed after it.*peering-stack-cycle/, (s, partner) => {
    new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: vpcIn(partner, 'B', '10.1.0.0/16'), accepterRoutesStack: partner });
  }],
  ['cross-account, a peerRoleArn, and an accepter VPC ID the requester cannot read', /accepter Partner\/B has ID \(unresolved token.*peering-accepter-vpc-unknown/, (s, partner) => {
    new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: vpcIn(partner, 'B', '10.1.0.0/16'), peerRoleArn: 'arn:aws:iam::222222222222:role/x' });
  }],
  ['cross-region with a requester whose account is unknown... and CIDR a token', /peering-lookup-unknown/, (s, _o, app) => {
    const euw1 = stackIn(app, 'Euw1', 'eu-west-1');
    const ipam = new ec2.Vpc(s, 'A', {
      ipAddresses: ec2.IpAddresses.awsIpamAllocation({ ipv4IpamPoolId: 'ipam-pool-1', ipv4NetmaskLength: 16, defaultSubnetIpv4NetmaskLength: 24 }),
      subnetConfiguration: [{ name: 'iso', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
      maxAzs: 1,
    });
    new PeeredVpcPair(s, 'P', { requester: ipam, accepter: importedVpc(euw1, 'B', 'vpc-0bbbbbbb', '10.1.0.0/16') });
  }],
];

const GRAPH_REFUSALS: Array<[string, RegExp, (s: Stack, o: Stack, app: App) => void]> = [
  ['overlapping primary IPv4 blocks', /'S\/P': requester CIDR 10\.0\.0\.0\/16 overlaps accepter CIDR 10\.0\.128\.0\/17.*graph-cidr-overlap/, (s) => {
    new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: vpcIn(s, 'B', '10.0.128.0/17') });
  }],
  ['overlapping secondary IPv6 blocks', /2001:db8::\/56 overlaps accepter CIDR 2001:db8::\/64.*graph-cidr-overlap/, (s) => {
    const a = vpcIn(s, 'A', '10.0.0.0/16');
    const b = vpcIn(s, 'B', '10.1.0.0/16');
    new ec2.CfnVPCCidrBlock(s, 'A6', { vpcId: a.vpcId, ipv6CidrBlock: '2001:db8::/56' });
    new ec2.CfnVPCCidrBlock(s, 'B6', { vpcId: b.vpcId, ipv6CidrBlock: '2001:db8::/64' });
    new PeeredVpcPair(s, 'P', { requester: a, accepter: b });
  }],
  ['the same pair twice', /'S\/Again': .*already peered by 'S\/P'.*graph-duplicate-peering/, (s) => {
    const a = vpcIn(s, 'A', '10.0.0.0/16');
    const b = vpcIn(s, 'B', '10.1.0.0/16');
    new PeeredVpcPair(s, 'P', { requester: a, accepter: b });
    new PeeredVpcPair(s, 'Again', { requester: b, accepter: a, requesterSubnets: [{ subnetType: ec2.SubnetType.PUBLIC }], accepterSubnets: [{ subnetType: ec2.SubnetType.PUBLIC }] });
  }],
  ['requester and accepter in different partitions', /partition aws \(us-east-1\) vs aws-us-gov \(us-gov-west-1\).*graph-partition-mismatch/, (s, _o, app) => {
    const gov = stackIn(app, 'Gov', 'us-gov-west-1');
    new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: importedVpc(gov, 'B', 'vpc-0c0c0c0c', '10.1.0.0/16') });
  }],
  ['a VPC over its peering quota', /'S\/Hub': peering connections 3; a VPC may have 2 active peering connections.*graph-peering-quota/, (s) => {
    const hub = vpcIn(s, 'Hub', '10.0.0.0/16', { maxAzs: 1 });
    for (let i = 1; i <= 3; i++) new PeeredVpcPair(s, `P${i}`, { requester: hub, accepter: vpcIn(s, `Spoke${i}`, `10.${i}.0.0/16`, { maxAzs: 1 }) });
    ConnectivityGraph.of(s).declareQuotas({ activePeeringsPerVpc: 2 });
  }],
  ['a route table over its route quota', /IPv4 routes in route table \(Ref AisoSubnet1RouteTable[0-9A-F]+\) 2; a route table may hold 1 IPv4 routes.*graph-route-quota/, (s) => {
    const a = vpcIn(s, 'A', '10.0.0.0/16', { maxAzs: 1, subnetConfiguration: [{ name: 'iso', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
    const b = vpcIn(s, 'B', '10.1.0.0/16', { maxAzs: 1 });
    new ec2.CfnVPCCidrBlock(s, 'B2', { vpcId: b.vpcId, cidrBlock: '10.2.0.0/16' });
    new PeeredVpcPair(s, 'P', { requester: a, accepter: b });
    ConnectivityGraph.of(s).declareQuotas({ routesPerRouteTable: 1 });
  }],
  ['a hand-written route through the peering to a CIDR outside the peer', /'S\/Onward': route destination 192\.168\.0\.0\/16 .*not inside the peer VPC S\/B.*graph-transitive-route/, (s) => {
    const a = vpcIn(s, 'A', '10.0.0.0/16', { maxAzs: 1 });
    const pair = new PeeredVpcPair(s, 'P', { requester: a, accepter: vpcIn(s, 'B', '10.1.0.0/16', { maxAzs: 1 }) });
    new ec2.CfnRoute(s, 'Onward', { routeTableId: a.isolatedSubnets[0].routeTable.routeTableId, destinationCidrBlock: '192.168.0.0/16', vpcPeeringConnectionId: pair.peeringConnectionId });
  }],
];

describe('PeeredVpcPair in one stack', () => {
  test('one line: the connection and one route per (route table × peer block) on both sides', () => {
    // GIVEN two VPCs with 4 route tables each
    const app = newApp();
    const s = stackIn(app, 'S');
    const a = vpcIn(s, 'A', '10.0.0.0/16');
    const b = vpcIn(s, 'B', '10.1.0.0/16');

    // WHEN
    const pair = new PeeredVpcPair(s, 'Peering', { requester: a, accepter: b });

    // THEN
    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::EC2::VPCPeeringConnection', 1);
    t.hasResourceProperties('AWS::EC2::VPCPeeringConnection', {
      VpcId: { Ref: Match.stringLikeRegexp('^A') },
      PeerVpcId: { Ref: Match.stringLikeRegexp('^B') },
      PeerRegion: Match.absent(),
      PeerOwnerId: Match.absent(),
      PeerRoleArn: Match.absent(),
      Tags: [{ Key: 'Name', Value: 'S/Peering' }],
    });
    expect(routeCounts(s)).toEqual({ '10.1.0.0/16': 4, '10.0.0.0/16': 4 });
    expect(new Set(routesOf(s).map((r) => JSON.stringify(r.table))).size).toBe(8);
    expect(s.resolve(pair.peeringConnectionId)).toEqual({ Ref: expect.stringMatching(/^Peering/) });
    expect(pair.node.defaultChild).toBe(pair.connection);
    expect([pair.crossRegion, pair.crossAccount]).toEqual([false, false]);
    expect(pair.accepterPeeringConnectionId).toBe(pair.peeringConnectionId);
    Annotations.fromStack(s).hasNoWarning('*', Match.stringLikeRegexp('cdk-private-connectivity'));
  });

  test('secondary IPv4 and IPv6 blocks get their own routes', () => {
    // GIVEN a requester with a secondary IPv4 block and a literal IPv6 block
    const app = newApp();
    const s = stackIn(app, 'S');
    const a = vpcIn(s, 'A', '10.0.0.0/16');
    new ec2.CfnVPCCidrBlock(s, 'A2', { vpcId: a.vpcId, cidrBlock: '10.10.0.0/16' });
    new ec2.CfnVPCCidrBlock(s, 'A6', { vpcId: a.vpcId, ipv6CidrBlock: '2001:db8::/56' });
    const b = vpcIn(s, 'B', '10.1.0.0/16');

    // WHEN
    new PeeredVpcPair(s, 'Peering', { requester: a, accepter: b });

    // THEN: accepter's 4 tables × 3 blocks, requester's 4 tables × 1 block
    expect(routeCounts(s)).toEqual({ '10.0.0.0/16': 4, '10.10.0.0/16': 4, '2001:db8::/56': 4, '10.1.0.0/16': 4 });
    Template.fromStack(s).hasResourceProperties('AWS::EC2::Route', {
      DestinationIpv6CidrBlock: '2001:db8::/56',
      DestinationCidrBlock: Match.absent(),
    });
  });

  test('explicit CIDR overrides route an imported VPC, and its shared route table once', () => {
    // GIVEN an imported accepter whose two subnets share one route table
    const app = newApp();
    const s = stackIn(app, 'S');
    const a = vpcIn(s, 'A', '10.0.0.0/16');
    const b = importedVpc(s, 'B', 'vpc-0bbbbbbb', '10.1.0.0/16');

    // WHEN
    new PeeredVpcPair(s, 'Peering', {
      requester: a,
      accepter: b,
      accepterCidrBlocks: ['10.1.0.0/16', '10.2.0.0/16'],
      requesterSubnets: [{ subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
    });

    // THEN: 2 requester tables × 2 accepter blocks; 1 accepter table × 1 requester block
    expect(routeCounts(s)).toEqual({ '10.1.0.0/16': 2, '10.2.0.0/16': 2, '10.0.0.0/16': 1 });
    Template.fromStack(s).hasResourceProperties('AWS::EC2::Route', { RouteTableId: 'rtb-0bbbbbbb', DestinationCidrBlock: '10.0.0.0/16' });
  });

  test('Name tag can be overridden, and tags on the pair reach the connection', () => {
    const app = newApp();
    const s = stackIn(app, 'S');
    const pair = new PeeredVpcPair(s, 'Peering', {
      requester: vpcIn(s, 'A', '10.0.0.0/16'),
      accepter: vpcIn(s, 'B', '10.1.0.0/16'),
      peeringConnectionName: 'a-to-b',
    });
    Tags.of(pair).add('team', 'network');
    Template.fromStack(s).hasResourceProperties('AWS::EC2::VPCPeeringConnection', {
      Tags: Match.arrayWith([{ Key: 'Name', Value: 'a-to-b' }, { Key: 'team', Value: 'network' }]),
    });
  });

  test('a block attached after the pair is reported: no route leads to it', () => {
    const app = newApp();
    const s = stackIn(app, 'S');
    const a = vpcIn(s, 'A', '10.0.0.0/16');
    new PeeredVpcPair(s, 'Peering', { requester: a, accepter: vpcIn(s, 'B', '10.1.0.0/16') });
    new ec2.CfnVPCCidrBlock(s, 'Late', { vpcId: a.vpcId, cidrBlock: '10.20.0.0/16' });
    const annotations = Annotations.fromStack(s);
    annotations.hasWarning('/S/A', Match.stringLikeRegexp("Vpc 'S/A': secondary ipv4 block 10.20.0.0/16 was attached after.*PeeredVpcPair 'S/Peering'.*peering-cidr-added-later"));
    annotations.hasNoWarning('*', Match.stringLikeRegexp('primary ipv4 block'));
  });

  test('an IPAM block warns that no route is added for it', () => {
    const app = newApp();
    const s = stackIn(app, 'S');
    const ipam = new ec2.Vpc(s, 'A', {
      ipAddresses: ec2.IpAddresses.awsIpamAllocation({ ipv4IpamPoolId: 'ipam-pool-1', ipv4NetmaskLength: 16, defaultSubnetIpv4NetmaskLength: 24 }),
      subnetConfiguration: [{ name: 'iso', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
      maxAzs: 1,
    });
    new PeeredVpcPair(s, 'Peering', { requester: ipam, accepter: vpcIn(s, 'B', '10.1.0.0/16') });
    expect(routeCounts(s)).toEqual({ '10.1.0.0/16': 1 });
    Annotations.fromStack(s).hasWarning('/S/A', Match.stringLikeRegexp("Vpc 'S/A': primary ipv4 block .*IPAM.*no accepter route.*PeeredVpcPair 'S/Peering'.*peering-peer-cidr-unknown"));
  });

  test('env-agnostic stacks warn instead of passing silently', () => {
    const app = newApp();
    const s = stackIn(app, 'S', null);
    new PeeredVpcPair(s, 'Peering', { requester: vpcIn(s, 'A', '10.0.0.0/16', { maxAzs: 1 }), accepter: vpcIn(s, 'B', '10.1.0.0/16', { maxAzs: 1 }) });
    const annotations = Annotations.fromStack(s);
    // Both are facts of the stack: one warning each, on the stack, naming the pair.
    annotations.hasWarning('/S', Match.stringLikeRegexp("Stack 'S': account is a token.*PeeredVpcPair 'S/Peering'.*peering-account-unknown"));
    annotations.hasWarning('/S', Match.stringLikeRegexp("Stack 'S': region is a token.*PeeredVpcPair 'S/Peering'.*vpc-region-unknown"));
    expect(annotations.findWarning('*', Match.anyValue())).toHaveLength(2);
  });
});

describe('PeeredVpcPair across stacks, same account and region', () => {
  test('everything in the pair\'s stack, which depends on both VPC stacks (no cycle)', () => {
    // GIVEN
    const app = newApp();
    const sa = stackIn(app, 'A');
    const sb = stackIn(app, 'B');
    const net = stackIn(app, 'Net');

    // WHEN
    new PeeredVpcPair(net, 'Peering', { requester: vpcIn(sa, 'A', '10.0.0.0/16'), accepter: vpcIn(sb, 'B', '10.1.0.0/16') });

    // THEN
    expect(synthErrors(app)).toBe('');
    Template.fromStack(net).resourceCountIs('AWS::EC2::VPCPeeringConnection', 1);
    expect(routeCounts(net)).toEqual({ '10.1.0.0/16': 4, '10.0.0.0/16': 4 });
    expect(routesOf(sa)).toHaveLength(0);
    expect(net.dependencies.map((d) => d.node.id).sort()).toEqual(['A', 'B']);
  });
});

describe('PeeredVpcPair across regions (same account)', () => {
  function crossRegion() {
    const app = newApp();
    const use1 = stackIn(app, 'Use1', 'us-east-1');
    const euw1 = stackIn(app, 'Euw1', 'eu-west-1');
    const a = vpcIn(use1, 'A', '10.0.0.0/16');
    const b = vpcIn(euw1, 'B', '10.1.0.0/16');
    const pair = new PeeredVpcPair(use1, 'Peering', { requester: a, accepter: b });
    return { app, use1, euw1, pair };
  }

  test('connection and requester routes in the requester stack; accepter routes in a stack in the accepter region', () => {
    // GIVEN / WHEN
    const { app, use1, euw1, pair } = crossRegion();

    // THEN
    const accepterStack = app.node.findChild('Use1-Peering-Accepter') as Stack;
    expect(pair.accepterStack).toBe(accepterStack);
    expect(accepterStack.region).toBe('eu-west-1');
    Template.fromStack(use1).hasResourceProperties('AWS::EC2::VPCPeeringConnection', {
      PeerRegion: 'eu-west-1',
      PeerOwnerId: Match.absent(),
      PeerVpcId: { 'Fn::GetAtt': [Match.stringLikeRegexp('AccepterVpcId'), 'Vpcs.0.VpcId'] },
    });
    expect(routeCounts(use1)).toEqual({ '10.1.0.0/16': 4 });
    expect(routeCounts(accepterStack)).toEqual({ '10.0.0.0/16': 4 });
    expect(routesOf(euw1)).toHaveLength(0);
    for (const r of routesOf(accepterStack)) {
      expect(r.pcx).toEqual({ Ref: expect.stringMatching(/PeeringConnectionId/) }); // the lookup's physical ID
    }
    // deploy order: accepter VPC, requester, accepter routes
    expect(use1.dependencies.map((d) => d.node.id)).toEqual(['Euw1']);
    expect(accepterStack.dependencies.map((d) => d.node.id).sort()).toEqual(['Euw1', 'Use1']);
    expect([pair.crossRegion, pair.crossAccount]).toEqual([true, false]);
  });

  test('an imported accepter with a literal ID: the accepter routes go in the accepter VPC\'s own stack', () => {
    // GIVEN
    const app = newApp();
    const use1 = stackIn(app, 'Use1', 'us-east-1');
    const euw1 = stackIn(app, 'Euw1', 'eu-west-1');
    const b = ec2.Vpc.fromVpcAttributes(euw1, 'B', {
      vpcId: 'vpc-0bbbbbbb',
      vpcCidrBlock: '10.1.0.0/16',
      availabilityZones: ['eu-west-1a'],
      isolatedSubnetIds: ['subnet-0bbbbbb0'],
      isolatedSubnetRouteTableIds: ['rtb-0bbbbbb0'],
    });

    // WHEN
    new PeeredVpcPair(use1, 'Peering', { requester: vpcIn(use1, 'A', '10.0.0.0/16'), accepter: b });

    // THEN
    Template.fromStack(use1).hasResourceProperties('AWS::EC2::VPCPeeringConnection', { PeerVpcId: 'vpc-0bbbbbbb', PeerRegion: 'eu-west-1' });
    Template.fromStack(use1).resourceCountIs('Custom::AWS', 0);
    expect(routeCounts(euw1)).toEqual({ '10.0.0.0/16': 1 });
    expect(euw1.dependencies.map((d) => d.node.id)).toEqual(['Use1']);
    expect(app.node.tryFindChild('Use1-Peering-Accepter')).toBeUndefined();
  });
});

describe('PeeredVpcPair across accounts', () => {
  test('role in the accepter stack, request in the requester stack, accepter routes after both', () => {
    // GIVEN
    const app = newApp();
    const net = stackIn(app, 'Network');
    const partner = stackIn(app, 'Partner', 'us-east-1', PARTNER);

    // WHEN
    const pair = new PeeredVpcPair(net, 'Peering', { requester: vpcIn(net, 'A', '10.0.0.0/16'), accepter: vpcIn(partner, 'B', '10.1.0.0/16') });

    // THEN: the accepter role trusts only the requester account
    Template.fromStack(partner).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { AWS: arnMatching(/^arn:aws:iam::111111111111:root$/) } }],
      },
    });
    Template.fromStack(net).hasResourceProperties('AWS::EC2::VPCPeeringConnection', {
      PeerOwnerId: PARTNER,
      PeerRegion: Match.absent(),
      PeerRoleArn: arnMatching(/^arn:aws:iam::222222222222:role\/partner/),
    });
    const accepterStack = pair.accepterStack;
    expect(accepterStack.node.id).toBe('Network-Peering-Accepter');
    expect(accepterStack.account).toBe(PARTNER);
    expect(routeCounts(net)).toEqual({ '10.1.0.0/16': 4 });
    expect(routeCounts(accepterStack)).toEqual({ '10.0.0.0/16': 4 });
    expect(net.dependencies.map((d) => d.node.id)).toEqual(['Partner']);
    expect(accepterStack.dependencies.map((d) => d.node.id).sort()).toEqual(['Network', 'Partner']);
    expect(pair.crossAccount).toBe(true);
  });

  test('a given peerRoleArn and a literal accepter VPC: no role, accepter routes in the accepter\'s stack', () => {
    const app = newApp();
    const net = stackIn(app, 'Network');
    const partner = stackIn(app, 'Partner', 'us-east-1', PARTNER);
    const b = importedVpc(partner, 'B', 'vpc-0bbbbbbb', '10.1.0.0/16');
    new PeeredVpcPair(net, 'Peering', {
      requester: vpcIn(net, 'A', '10.0.0.0/16'),
      accepter: b,
      peerRoleArn: 'arn:aws:iam::222222222222:role/peering-accepter',
    });
    Template.fromStack(net).hasResourceProperties('AWS::EC2::VPCPeeringConnection', {
      PeerVpcId: 'vpc-0bbbbbbb', PeerOwnerId: PARTNER, PeerRoleArn: 'arn:aws:iam::222222222222:role/peering-accepter',
    });
    Template.fromStack(partner).resourceCountIs('AWS::IAM::Role', 1); // the lookup's provider only
    expect(routeCounts(partner)).toEqual({ '10.0.0.0/16': 1 });
  });

  test('accepterRoutesStack puts the accepter routes where the user says', () => {
    const app = newApp();
    const net = stackIn(app, 'Network');
    const partner = stackIn(app, 'Partner', 'us-east-1', PARTNER);
    const routes = stackIn(app, 'PartnerRoutes', 'us-east-1', PARTNER);
    new PeeredVpcPair(net, 'Peering', { requester: vpcIn(net, 'A', '10.0.0.0/16'), accepter: vpcIn(partner, 'B', '10.1.0.0/16'), accepterRoutesStack: routes });
    expect(routeCounts(routes)).toEqual({ '10.0.0.0/16': 4 });
    expect(app.node.tryFindChild('Network-Peering-Accepter')).toBeUndefined();
  });
});

describe('PeeredVpcPair refusals', () => {
  /** A partner VPC imported into the network stack with fromLookup: account 222..., no stack of its own. */
  const lookupContext = {
    'vpc-provider:account=111111111111:filter.owner-id=222222222222:filter.vpc-id=vpc-0partner:region=us-east-1:returnAsymmetricSubnets=true': {
      vpcId: 'vpc-0partner',
      vpcCidrBlock: '10.9.0.0/16',
      ownerAccountId: PARTNER,
      availabilityZones: [],
      subnetGroups: [{ name: 'iso', type: 'Isolated', subnets: [{ subnetId: 'subnet-p', cidr: '10.9.0.0/24', availabilityZone: 'us-east-1a', routeTableId: 'rtb-p' }] }],
    },
  };

  test.each(CONSTRUCTOR_REFUSALS)('%s is refused in the constructor', (_name, message, build) => {
    // GIVEN
    const app = newApp();
    const s = stackIn(app, 'S');
    const partner = stackIn(app, 'Partner', 'us-east-1', PARTNER);

    // WHEN / THEN
    let error: unknown;
    try {
      build(s, partner, app);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConnectivityError);
    expect((error as Error).message).toMatch(message);
  });

  test('cross-account with no way to accept is refused', () => {
    // GIVEN a partner VPC imported into the network stack: no stack in the partner account to hold a role
    const app = newApp(lookupContext);
    const s = stackIn(app, 'S');
    const partnerVpc = ec2.Vpc.fromLookup(s, 'Partner', { vpcId: 'vpc-0partner', ownerAccountId: PARTNER });

    // THEN
    expect(() => new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: partnerVpc }))
      .toThrow(/'S\/P': peerRoleArn undefined, and the accepter VPC S\/Partner is in stack S \(111111111111\/us-east-1\), not in account 222222222222.*\[cdk-private-connectivity:peering-no-accepter\]/);
  });

  test.each(GRAPH_REFUSALS)('%s is refused at synth, through the graph', (_name, message, build) => {
    // GIVEN
    const app = newApp();
    const s = stackIn(app, 'S');
    const partner = stackIn(app, 'Partner', 'us-east-1', PARTNER);

    // WHEN
    build(s, partner, app);

    // THEN
    expect(synthErrors(app)).toMatch(message);
  });
});
