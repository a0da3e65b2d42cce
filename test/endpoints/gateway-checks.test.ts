import { App } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { stackIn, vpcIn } from './util';
import { ConnectionKind, ConnectivityGraph } from '../../src/core/graph';
import { EndpointPolicy, GatewayEndpointSet } from '../../src/endpoints';
import { routeTablesOf } from '../../src/endpoints/gateway-checks';

/** VPC A (with a gateway endpoint set) peered with VPC B, the peering registered with the graph. */
function peered() {
  const app = new App();
  const stack = stackIn(app, 'S');
  const a = vpcIn(stack, 'A', '10.0.0.0/16');
  const b = vpcIn(stack, 'B', '10.1.0.0/16');
  const pcx = new ec2.CfnVPCPeeringConnection(stack, 'Pcx', { vpcId: b.vpcId, peerVpcId: a.vpcId });
  ConnectivityGraph.of(stack)._addConnection({ owner: pcx, kind: ConnectionKind.PEERING, source: b, target: a, connectionId: pcx.ref });
  new GatewayEndpointSet(stack, 'Gw', { vpc: a, policy: EndpointPolicy.allowAll() });
  return { app, stack, a, b, pcx, bTable: b.isolatedSubnets[0].routeTable.routeTableId };
}

describe('edge-to-edge heuristic', () => {
  test('a peer route that sends a prefix list through the peering warns on the set', () => {
    // GIVEN B routes a (S3-like) prefix list through the peering to A
    const { app, stack, pcx, bTable } = peered();
    new ec2.CfnRoute(stack, 'ToS3ViaA', { routeTableId: bTable, destinationPrefixListId: 'pl-63a5400a', vpcPeeringConnectionId: pcx.ref });

    // WHEN
    app.synth();

    // THEN
    Annotations.fromStack(stack).hasWarning('/S/Gw', Match.stringLikeRegexp(
      "'S/Gw': route in route table \\(Ref BisoSubnet1RouteTable[0-9A-F]+\\) of peer VPC S/B sends prefix list \"pl-63a5400a\" through peering 'S/Pcx' to S/A; VPC peering does not support edge-to-edge routing.*cdk-private-connectivity:endpoint-edge-to-edge",
    ));
  });

  test('a route registered with the graph towards A with a prefix-list destination warns too', () => {
    const { app, stack, a, b, pcx, bTable } = peered();
    ConnectivityGraph.of(stack)._addRoute({ owner: pcx, vpc: b, routeTableId: bTable, destination: 'pl-02cd2c6b', peerVpc: a });
    app.synth();
    Annotations.fromStack(stack).hasWarning('/S/Gw', Match.stringLikeRegexp('pl-02cd2c6b.*endpoint-edge-to-edge'));
  });

  test('CIDR routes to the peer, and an app prefix list inside the peer, do not warn', () => {
    // GIVEN B routes A's block, and a prefix list of A's subnets, through the peering
    const { app, stack, pcx, bTable } = peered();
    new ec2.CfnRoute(stack, 'ToA', { routeTableId: bTable, destinationCidrBlock: '10.0.0.0/16', vpcPeeringConnectionId: pcx.ref });
    const list = new ec2.PrefixList(stack, 'ASubnets', { entries: [{ cidr: '10.0.0.0/24' }, { cidr: '10.0.1.0/24' }] });
    const table2 = (stack.node.findChild('B') as ec2.Vpc).isolatedSubnets[1].routeTable.routeTableId;
    new ec2.CfnRoute(stack, 'ToAList', { routeTableId: table2, destinationPrefixListId: list.prefixListId, vpcPeeringConnectionId: pcx.ref });

    // WHEN
    app.synth();

    // THEN
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('endpoint-edge-to-edge'));
  });

  test('routeTablesOf reads literal and token lists', () => {
    const { stack, a } = peered();
    const literal = new ec2.CfnVPCEndpoint(stack, 'L', { vpcId: a.vpcId, serviceName: 'x', routeTableIds: ['rtb-1'] });
    const none = new ec2.CfnVPCEndpoint(stack, 'N', { vpcId: a.vpcId, serviceName: 'x' });
    expect(routeTablesOf(literal)).toEqual(['rtb-1']);
    expect(routeTablesOf(none)).toEqual([]);
  });
});
