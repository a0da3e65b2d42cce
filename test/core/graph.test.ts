import { App, CfnParameter, Fn, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { peer, stackIn, vpcIn } from './graph-fixtures';
import { ConnectionKind, ConnectivityGraph, EndpointKind } from '../../src/core/graph';
import { synthErrors } from '../synth';

describe('ConnectivityGraph', () => {
  test('one graph per app', () => {
    const app = new App();
    const a = stackIn(app, 'A');
    const b = stackIn(app, 'B');
    expect(ConnectivityGraph.of(a)).toBe(ConnectivityGraph.of(b));
    expect(ConnectivityGraph.of(new App())).not.toBe(ConnectivityGraph.of(a));
  });

  test('a clean app synthesizes and exposes its VPCs and connections', () => {
    // GIVEN
    const app = new App();
    const s = stackIn(app, 'S');
    const a = vpcIn(s, 'A', '10.0.0.0/16');
    const b = vpcIn(s, 'B', '10.1.0.0/16');
    peer(s, 'P', a, b);

    // WHEN
    app.synth();
    const graph = ConnectivityGraph.of(app);

    // THEN
    expect(graph.vpcs.map((v) => [v.path, v.cidrBlocks, v.partition])).toEqual([
      ['S/A', ['10.0.0.0/16'], 'aws'],
      ['S/B', ['10.1.0.0/16'], 'aws'],
    ]);
    expect(graph.connections).toHaveLength(1);
  });

  test('overlap between peered VPCs: primary vs secondary, with both blocks in the message', () => {
    // GIVEN
    const app = new App();
    const s = stackIn(app, 'S');
    const a = vpcIn(s, 'A', '10.0.0.0/16');
    const b = vpcIn(s, 'B', '10.1.0.0/16');
    new ec2.CfnVPCCidrBlock(s, 'BSecond', { vpcId: b.vpcId, cidrBlock: '10.0.128.0/17' });
    peer(s, 'P', a, b);

    // THEN
    expect(synthErrors(app)).toMatch(
      /Construct 'S\/P': requester CIDR 10\.0\.0\.0\/16 overlaps accepter CIDR 10\.0\.128\.0\/17; VPC peering needs disjoint .*\[cdk-private-connectivity:graph-cidr-overlap\]/,
    );
  });

  test('IPv6 overlap is refused too', () => {
    const app = new App();
    const s = stackIn(app, 'S');
    const a = vpcIn(s, 'A', '10.0.0.0/16');
    const b = vpcIn(s, 'B', '10.1.0.0/16');
    new ec2.CfnVPCCidrBlock(s, 'A6', { vpcId: a.vpcId, ipv6CidrBlock: '2001:db8::/56' });
    new ec2.CfnVPCCidrBlock(s, 'B6', { vpcId: b.vpcId, ipv6CidrBlock: '2001:db8::/64' });
    peer(s, 'P', a, b);
    expect(synthErrors(app)).toMatch(/2001:db8::\/56 overlaps accepter CIDR 2001:db8::\/64/);
  });

  test('Amazon-provided IPv6 blocks are unique: no error and no warning', () => {
    const app = new App();
    const s = stackIn(app, 'S');
    const a = vpcIn(s, 'A', '10.0.0.0/16');
    const b = vpcIn(s, 'B', '10.1.0.0/16');
    new ec2.CfnVPCCidrBlock(s, 'A6', { vpcId: a.vpcId, amazonProvidedIpv6CidrBlock: true });
    new ec2.CfnVPCCidrBlock(s, 'B6', { vpcId: b.vpcId, amazonProvidedIpv6CidrBlock: true });
    peer(s, 'P', a, b);
    expect(synthErrors(app)).toBe('');
    Annotations.fromStack(s).hasNoWarning('*', Match.stringLikeRegexp('vpc-cidr-unknown'));
  });

  test('an unknown block warns instead of passing silently', () => {
    // GIVEN: an IPAM-allocated VPC
    const app = new App();
    const s = stackIn(app, 'S');
    const a = new ec2.Vpc(s, 'A', {
      ipAddresses: ec2.IpAddresses.awsIpamAllocation({ ipv4IpamPoolId: 'ipam-pool-1', ipv4NetmaskLength: 16, defaultSubnetIpv4NetmaskLength: 24 }),
      subnetConfiguration: [{ name: 'iso', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
      maxAzs: 1,
    });
    const b = vpcIn(s, 'B', '10.1.0.0/16');
    peer(s, 'P', a, b);

    // THEN
    app.synth();
    // The block is a fact of the VPC: the warning is on the VPC and names the pair it affects.
    Annotations.fromStack(s).hasWarning('/S/A', Match.stringLikeRegexp("Vpc 'S/A': primary ipv4 block is an unresolved token \\(.*IPAM.*overlap.*Construct 'S/P'.*cdk-private-connectivity:vpc-cidr-unknown"));
  });

  test('an env-agnostic stack warns that partition checks are skipped', () => {
    const app = new App();
    const s = stackIn(app, 'S', null);
    peer(s, 'P', vpcIn(s, 'A', '10.0.0.0/16'), vpcIn(s, 'B', '10.1.0.0/16'));
    app.synth();
    // The region is a fact of the stack: one warning on the stack, for both sides of the pair.
    Annotations.fromStack(s).hasWarning('/S', Match.stringLikeRegexp("Stack 'S': region is a token.*it affects 1 construct: peerings skip the partition and cross-region checks \\(1: Construct 'S/P'\\).*vpc-region-unknown"));
  });

  test('a pending Vpc.fromLookup warns and skips the overlap check', () => {
    const app = new App();
    const s = stackIn(app, 'S');
    peer(s, 'P', vpcIn(s, 'A', '10.0.0.0/16'), ec2.Vpc.fromLookup(s, 'Looked', { vpcId: 'vpc-0look' }));
    expect(synthErrors(app)).toBe('');
    Annotations.fromStack(s).hasWarning('/S/Looked', Match.stringLikeRegexp("'S/Looked': Vpc.fromLookup is pending; it affects 1 construct: peerings check CIDR overlap.*Construct 'S/P'.*vpc-pending-lookup"));
  });

  test('peering across partitions is refused', () => {
    const app = new App();
    const s1 = stackIn(app, 'Commercial', 'us-east-1');
    const s2 = stackIn(app, 'Gov', 'us-gov-west-1');
    peer(s1, 'P', vpcIn(s1, 'A', '10.0.0.0/16'), vpcIn(s2, 'B', '10.1.0.0/16'));
    expect(synthErrors(app)).toMatch(/partition aws \(us-east-1\) vs aws-us-gov \(us-gov-west-1\).*graph-partition-mismatch/);
  });

  test('the same pair peered twice (either direction) is refused, naming the first', () => {
    const app = new App();
    const s = stackIn(app, 'S');
    const a = vpcIn(s, 'A', '10.0.0.0/16');
    const b = vpcIn(s, 'B', '10.1.0.0/16');
    peer(s, 'First', a, b);
    peer(s, 'Second', b, a);
    expect(synthErrors(app)).toMatch(/Construct 'S\/Second': .*already peered by 'S\/First'.*graph-duplicate-peering/);
  });

  test('two imports of the same VPC ID count as the same VPC', () => {
    const app = new App();
    const s = stackIn(app, 'S');
    const a = vpcIn(s, 'A', '10.0.0.0/16');
    const attrs = { vpcId: 'vpc-0same', vpcCidrBlock: '10.1.0.0/16', availabilityZones: ['us-east-1a'] };
    peer(s, 'First', a, ec2.Vpc.fromVpcAttributes(s, 'I1', attrs));
    peer(s, 'Second', a, ec2.Vpc.fromVpcAttributes(s, 'I2', attrs));
    expect(synthErrors(app)).toMatch(/graph-duplicate-peering/);
  });

  test('peering quota: default 50, raised by declareQuotas, refused above', () => {
    // GIVEN a hub with 3 peers and a quota of 2
    const app = new App();
    const s = stackIn(app, 'S');
    const hub = vpcIn(s, 'Hub', '10.0.0.0/16');
    for (let i = 1; i <= 3; i++) peer(s, `P${i}`, hub, vpcIn(s, `Spoke${i}`, `10.${i}.0.0/16`));
    ConnectivityGraph.of(s).declareQuotas({ activePeeringsPerVpc: 2 });

    // THEN
    expect(synthErrors(app)).toMatch(/Vpc 'S\/Hub': peering connections 3; a VPC may have 2 active peering connections.*graph-peering-quota/);
  });

  test('quotas from context apply, and an invalid one is reported', () => {
    const app = new App({ context: { [ConnectivityGraph.QUOTAS_CONTEXT_KEY]: { activePeeringsPerVpc: 0 } } });
    const s = stackIn(app, 'S');
    peer(s, 'P', vpcIn(s, 'A', '10.0.0.0/16'), vpcIn(s, 'B', '10.1.0.0/16'));
    expect(synthErrors(app)).toMatch(/activePeeringsPerVpc.*0.*quota-invalid/);
  });

  test('declareQuotas refuses a value above the AWS maximum at once', () => {
    const app = new App();
    expect(() => ConnectivityGraph.of(app).declareQuotas({ activePeeringsPerVpc: 126 })).toThrow(/activePeeringsPerVpc.*126.*quota-invalid/);
  });

  test('route quota counts every route in the table, per family', () => {
    // GIVEN a route table with 3 IPv4 routes and a quota of 2
    const app = new App();
    const s = stackIn(app, 'S');
    const a = vpcIn(s, 'A', '10.0.0.0/16');
    const table = a.isolatedSubnets[0].routeTable.routeTableId;
    for (let i = 0; i < 3; i++) {
      new ec2.CfnRoute(s, `R${i}`, { routeTableId: table, destinationCidrBlock: `172.16.${i}.0/24`, gatewayId: 'igw-1' });
    }
    new ec2.CfnRoute(s, 'V6', { routeTableId: table, destinationIpv6CidrBlock: '::/0', gatewayId: 'igw-1' });
    ConnectivityGraph.of(s).declareQuotas({ routesPerRouteTable: 2 });
    ConnectivityGraph.of(s)._addVpc(a);

    // THEN: IPv4 over, IPv6 not
    const msg = synthErrors(app);
    expect(msg).toMatch(/IPv4 routes in route table \(Ref AisoSubnet1RouteTable[0-9A-F]+\) 3; a route table may hold 2 IPv4 routes.*graph-route-quota/);
    expect(msg).not.toMatch(/IPv6 routes/);
  });

  test('two routes to one destination in one table are refused', () => {
    const app = new App();
    const s = stackIn(app, 'S');
    const a = vpcIn(s, 'A', '10.0.0.0/16');
    const table = a.isolatedSubnets[0].routeTable.routeTableId;
    new ec2.CfnRoute(s, 'R1', { routeTableId: table, destinationCidrBlock: '172.16.0.0/24', gatewayId: 'igw-1' });
    new ec2.CfnRoute(s, 'R2', { routeTableId: table, destinationCidrBlock: '172.16.0.0/24', gatewayId: 'igw-2' });
    ConnectivityGraph.of(s)._addVpc(a);
    expect(synthErrors(app)).toMatch(/CfnRoute 'S\/R2': destination 172\.16\.0\.0\/24 is also routed by 'S\/R1'.*graph-duplicate-route/);
  });

  test('a route through a peering to a CIDR outside the peer is refused as transitive', () => {
    // GIVEN
    const app = new App();
    const s = stackIn(app, 'S');
    const a = vpcIn(s, 'A', '10.0.0.0/16');
    const b = vpcIn(s, 'B', '10.1.0.0/16');
    const owner = peer(s, 'P', a, b);
    const graph = ConnectivityGraph.of(s);
    const table = a.isolatedSubnets[0].routeTable.routeTableId;
    graph._addRoute({ owner, vpc: a, routeTableId: table, destination: '10.1.0.0/16', peerVpc: b });
    graph._addRoute({ owner, vpc: a, routeTableId: table, destination: '0.0.0.0/0', peerVpc: b });

    // THEN
    const msg = synthErrors(app);
    expect(msg).toMatch(/route destination 0\.0\.0\.0\/0 .* is not inside the peer VPC S\/B \(10\.1\.0\.0\/16\); VPC peering is not transitive.*graph-transitive-route/);
    expect(msg).not.toMatch(/10\.1\.0\.0\/16 in route table/);
  });

  test('a hand-written CfnRoute through a registered peering is checked too', () => {
    // GIVEN a peering registered with its connection ID, and a user's route to a third network
    const app = new App();
    const s = stackIn(app, 'S');
    const a = vpcIn(s, 'A', '10.0.0.0/16');
    const b = vpcIn(s, 'B', '10.1.0.0/16');
    const pcx = new ec2.CfnVPCPeeringConnection(s, 'Pcx', { vpcId: a.vpcId, peerVpcId: b.vpcId });
    ConnectivityGraph.of(s)._addConnection({ owner: pcx, kind: ConnectionKind.PEERING, source: a, target: b, connectionId: pcx.ref });
    const table = b.isolatedSubnets[0].routeTable.routeTableId;
    new ec2.CfnRoute(s, 'ToPeer', { routeTableId: table, destinationCidrBlock: '10.0.0.0/16', vpcPeeringConnectionId: pcx.ref });
    new ec2.CfnRoute(s, 'Onward', { routeTableId: table, destinationCidrBlock: '192.168.0.0/16', vpcPeeringConnectionId: pcx.ref });

    // THEN: the route in B's table leads to A; only the one outside A is refused
    const msg = synthErrors(app);
    expect(msg).toMatch(/CfnRoute 'S\/Onward': route destination 192\.168\.0\.0\/16 .* not inside the peer VPC S\/A .*graph-transitive-route/);
    expect(msg).not.toMatch(/ToPeer/);
  });

  test('gateway endpoints per region over the quota are refused', () => {
    const app = new App();
    const s = stackIn(app, 'S');
    for (let i = 0; i < 3; i++) {
      const v = vpcIn(s, `V${i}`, `10.${i}.0.0/16`);
      v.addGatewayEndpoint(`S3${i}`, { service: ec2.GatewayVpcEndpointAwsService.S3 });
    }
    ConnectivityGraph.of(s).declareQuotas({ gatewayEndpointsPerRegion: 2 });
    expect(synthErrors(app)).toMatch(/gateway endpoints in 111111111111\/us-east-1 3; an account may have 2 gateway endpoints per region.*graph-gateway-endpoint-quota/);
  });

  test('a gateway endpoint in an environment-agnostic stack warns that it is not counted', () => {
    // GIVEN
    const app = new App();
    const s = stackIn(app, 'S', null);
    vpcIn(s, 'V', '10.0.0.0/16').addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3 });
    ConnectivityGraph.of(s).declareQuotas({ gatewayEndpointsPerRegion: 1 });

    // THEN
    expect(synthErrors(app)).toBe('');
    Annotations.fromStack(s).hasWarning('/S', Match.stringLikeRegexp("Stack 'S': region is a token.*per-region quota.*CfnVPCEndpoint 'S/V/S3/Resource'.*vpc-region-unknown"));
  });

  test('gateway endpoints in different regions are counted apart', () => {
    const app = new App();
    for (const region of ['us-east-1', 'eu-west-1']) {
      const s = stackIn(app, region, region);
      vpcIn(s, 'V', '10.0.0.0/16').addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3 });
      vpcIn(s, 'W', '10.1.0.0/16').addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3 });
    }
    ConnectivityGraph.of(app).declareQuotas({ gatewayEndpointsPerRegion: 2 });
    expect(synthErrors(app)).toBe('');
  });

  test('interface endpoints per VPC over the quota are refused, naming the VPC', () => {
    const app = new App();
    const s = stackIn(app, 'S');
    const v = vpcIn(s, 'V', '10.0.0.0/16');
    for (const svc of [ec2.InterfaceVpcEndpointAwsService.SSM, ec2.InterfaceVpcEndpointAwsService.SNS, ec2.InterfaceVpcEndpointAwsService.SQS]) {
      v.addInterfaceEndpoint(svc.shortName, { service: svc });
    }
    const graph = ConnectivityGraph.of(s);
    graph._addEndpoint({ owner: v, vpc: v, kind: EndpointKind.INTERFACE, serviceName: 'x' });
    graph.declareQuotas({ interfaceEndpointsPerVpc: 2 });
    expect(synthErrors(app)).toMatch(/Vpc 'S\/V': interface endpoints in VPC S\/V 3; a VPC may have 2 interface.*graph-interface-endpoint-quota/);
  });

  test('IPv4 CIDR blocks per VPC over the quota are refused', () => {
    const app = new App();
    const s = stackIn(app, 'S');
    const v = vpcIn(s, 'V', '10.0.0.0/16');
    for (let i = 1; i <= 5; i++) new ec2.CfnVPCCidrBlock(s, `C${i}`, { vpcId: v.vpcId, cidrBlock: `10.${i}.0.0/16` });
    ConnectivityGraph.of(s)._addVpc(v);
    expect(synthErrors(app)).toMatch(/IPv4 CIDR blocks 6 \(10\.0\.0\.0\/16, .*\); a VPC may have 5 IPv4 CIDR blocks.*graph-cidr-quota/);
  });

  test('every problem is reported at once', () => {
    // GIVEN an overlap and a duplicate peering in one app
    const app = new App();
    const s = stackIn(app, 'S');
    const a = vpcIn(s, 'A', '10.0.0.0/16');
    const b = vpcIn(s, 'B', '10.0.0.0/24');
    peer(s, 'P1', a, b);
    peer(s, 'P2', a, b);

    // THEN
    const msg = synthErrors(app);
    expect(msg).toMatch(/graph-duplicate-peering/);
    expect(msg.match(/graph-cidr-overlap/g)).toHaveLength(2);
  });
});

describe('route destinations given as tokens (graph-transitive-route, value-unknown)', () => {
  /** A, B peered with a route in A's table through the peering toward `destination(c)`. */
  function routeToward(destination: (b: ec2.Vpc, c: ec2.Vpc, s: Stack) => string, cStack?: (app: App) => Stack) {
    const app = new App();
    const s = stackIn(app, 'S');
    const a = vpcIn(s, 'A', '10.0.0.0/16');
    const b = vpcIn(s, 'B', '10.1.0.0/16');
    const c = vpcIn(cStack ? cStack(app) : s, 'C', '10.2.0.0/16');
    const pcx = new ec2.CfnVPCPeeringConnection(s, 'Pcx', { vpcId: a.vpcId, peerVpcId: b.vpcId });
    ConnectivityGraph.of(s)._addConnection({ owner: pcx, kind: ConnectionKind.PEERING, source: a, target: b, connectionId: pcx.ref });
    new ec2.CfnRoute(s, 'Onward', { routeTableId: a.isolatedSubnets[0].routeTable.routeTableId, destinationCidrBlock: destination(b, c, s), vpcPeeringConnectionId: pcx.ref });
    return { app, s };
  }

  test('graph-transitive-route: another VPC\'s own attribute (vpcC.vpcCidrBlock) is read as its block and refused', () => {
    const { app } = routeToward((_b, c) => c.vpcCidrBlock);
    expect(synthErrors(app)).toMatch(/CfnRoute 'S\/Onward': route destination S\/C\.CidrBlock \(10\.2\.0\.0\/16\) in route table \(Ref AisoSubnet1RouteTable[0-9A-F]+\) is not inside the peer VPC S\/B \(10\.1\.0\.0\/16\).*graph-transitive-route/);
  });

  test('graph-transitive-route: another VPC of another stack (a cross-stack reference) is read too', () => {
    const { app } = routeToward((_b, c) => c.vpcCidrBlock, (a) => stackIn(a, 'Other'));
    expect(synthErrors(app)).toMatch(/route destination Other\/C\.CidrBlock \(10\.2\.0\.0\/16\).*not inside the peer VPC S\/B.*graph-transitive-route/);
  });

  test('graph-transitive-route: a subnet\'s ipv4CidrBlock is read as the subnet\'s literal block', () => {
    const { app } = routeToward((_b, c) => c.isolatedSubnets[0].ipv4CidrBlock);
    expect(synthErrors(app)).toMatch(/route destination 10\.2\.0\.0\/\d+ .*not inside the peer VPC S\/B.*graph-transitive-route/);
  });

  test('the peer\'s own attributes (CidrBlock, a subnet of the peer) pass without error or warning', () => {
    // valid controls
    for (const dest of [(b: ec2.Vpc) => b.vpcCidrBlock, (b: ec2.Vpc) => b.isolatedSubnets[0].ipv4CidrBlock]) {
      const { app, s } = routeToward(dest);
      expect(synthErrors(app)).toBe('');
      expect(Annotations.fromStack(s).findWarning('*', Match.anyValue())).toEqual([]);
    }
  });

  test('value-unknown: a token that is no VPC attribute (a parameter) warns that the transitive check skips the route', () => {
    const { app, s } = routeToward((_b, _c, st) => new CfnParameter(st, 'Dest').valueAsString);
    expect(synthErrors(app)).toBe('');
    Annotations.fromStack(s).hasWarning('/S/Onward', Match.stringLikeRegexp("CfnRoute 'S/Onward': route destination \\(Ref Dest\\) in route table .* is a token that is not a CIDR attribute.*graph-transitive-route.*skips this route.*value-unknown"));
  });

  test('value-unknown: another VPC\'s Amazon-provided IPv6 block (Fn.select of vpcIpv6CidrBlocks) warns', () => {
    const app = new App();
    const s = stackIn(app, 'S');
    const a = vpcIn(s, 'A', '10.0.0.0/16');
    const b = vpcIn(s, 'B', '10.1.0.0/16');
    const c = vpcIn(s, 'C', '10.2.0.0/16');
    new ec2.CfnVPCCidrBlock(s, 'CV6', { vpcId: c.vpcId, amazonProvidedIpv6CidrBlock: true });
    const pcx = new ec2.CfnVPCPeeringConnection(s, 'Pcx', { vpcId: a.vpcId, peerVpcId: b.vpcId });
    ConnectivityGraph.of(s)._addConnection({ owner: pcx, kind: ConnectionKind.PEERING, source: a, target: b, connectionId: pcx.ref });
    new ec2.CfnRoute(s, 'Onward6', { routeTableId: a.isolatedSubnets[0].routeTable.routeTableId, destinationIpv6CidrBlock: Fn.select(0, c.vpcIpv6CidrBlocks), vpcPeeringConnectionId: pcx.ref });
    expect(synthErrors(app)).toBe('');
    Annotations.fromStack(s).hasWarning('/S/Onward6', Match.stringLikeRegexp('route destination S/C\\.Ipv6CidrBlocks\\[0\\] in route table .* is a block of another VPC that is not known at synth.*graph-transitive-route.*value-unknown'));
  });

  test('vpc-cidr-unknown: a literal destination outside the known blocks of a peer with an IPAM block warns instead of passing', () => {
    const app = new App();
    const s = stackIn(app, 'S');
    const a = vpcIn(s, 'A', '10.0.0.0/16');
    const b = vpcIn(s, 'B', '10.1.0.0/16');
    new ec2.CfnVPCCidrBlock(s, 'BIpam', { vpcId: b.vpcId, ipv4IpamPoolId: 'ipam-pool-1', ipv4NetmaskLength: 20 });
    const pcx = new ec2.CfnVPCPeeringConnection(s, 'Pcx', { vpcId: a.vpcId, peerVpcId: b.vpcId });
    ConnectivityGraph.of(s)._addConnection({ owner: pcx, kind: ConnectionKind.PEERING, source: a, target: b, connectionId: pcx.ref });
    const table = a.isolatedSubnets[0].routeTable.routeTableId;
    new ec2.CfnRoute(s, 'Inside', { routeTableId: table, destinationCidrBlock: '10.1.0.0/16', vpcPeeringConnectionId: pcx.ref });
    new ec2.CfnRoute(s, 'Maybe', { routeTableId: table, destinationCidrBlock: '192.168.0.0/20', vpcPeeringConnectionId: pcx.ref });
    expect(synthErrors(app)).toBe('');
    Annotations.fromStack(s).hasWarning('/S/B', Match.stringLikeRegexp("Vpc 'S/B': CIDR blocks secondary ipv4 of S/B unknown at synth; it affects 1 construct: routes through peerings to this VPC are not checked for transitive destinations.*CfnRoute 'S/Maybe'.*vpc-cidr-unknown"));
  });
});
