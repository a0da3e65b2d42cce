// Assertions shared by the deploy tests: what AWS must show after a deploy.
import type { Engine } from './engine';
import { EmulatedState, PeeringState } from './state';

/** A deployed peering connection, both sides. */
export interface DeployedPeering {
  readonly stack: string;
  readonly id: string;
  readonly requesterView: PeeringState;
  readonly accepterView: PeeringState;
  readonly requester: { account: string; region: string; vpcId: string; cidr: string };
  readonly accepter: { account: string; region: string; vpcId: string; cidr: string };
}

/**
 * Every `AWS::EC2::VPCPeeringConnection` the engine created, checked: `active` as seen from both
 * accounts and regions, and every subnet route table of each VPC routing the other VPC's CIDR to it.
 */
export async function checkPeerings(engine: Engine): Promise<DeployedPeering[]> {
  const state = new EmulatedState(engine);
  const out: DeployedPeering[] = [];
  for (const r of engine.resourcesOfType('AWS::EC2::VPCPeeringConnection')) {
    const p = r.properties as Record<string, string>;
    const req = { account: r.stack.account, region: r.stack.region, vpcId: p.VpcId, cidr: '' };
    const acc = { account: p.PeerOwnerId ?? req.account, region: p.PeerRegion ?? req.region, vpcId: p.PeerVpcId, cidr: '' };
    const requesterView = (await state.peerings(req.account, req.region)).find((x) => x.id === r.physicalId);
    const accepterView = (await state.peerings(acc.account, acc.region)).find((x) => x.id === r.physicalId);
    if (!requesterView || !accepterView) throw new Error(`${r.stack.stackName}/${r.logicalId} ${r.physicalId}: not visible on both sides`);
    for (const [who, view] of [['requester', requesterView], ['accepter', accepterView]] as const) {
      if (view.status !== 'active') throw new Error(`${r.stack.stackName}/${r.logicalId} ${r.physicalId} is ${view.status} in the ${who}'s view`);
    }
    req.cidr = requesterView.requester.cidr;
    acc.cidr = requesterView.accepter.cidr;
    for (const [side, other] of [[req, acc], [acc, req]]) {
      const tables = await state.subnetRouteTables(side.account, side.region, side.vpcId);
      const routes = await state.routes(side.account, side.region, side.vpcId);
      for (const t of tables) {
        const found = routes.filter((x) => x.routeTableId === t && x.destination === other.cidr);
        if (found.length !== 1 || found[0].target !== r.physicalId) {
          throw new Error(`route table ${t} of ${side.vpcId} (${side.account}/${side.region}) routes ${other.cidr} to ${JSON.stringify(found.map((f) => f.target))}, expected [${r.physicalId}]`);
        }
      }
      if (tables.length === 0) throw new Error(`${side.vpcId} has no subnet route tables`);
    }
    out.push({ stack: r.stack.stackName, id: r.physicalId, requesterView, accepterView, requester: req, accepter: acc });
  }
  return out;
}

/**
 * Every `AWS::EC2::VPCEndpoint` the engine created, compared with its template: service name,
 * type, subnets, security groups and route tables as declared. Returns them by stack.
 */
export async function checkEndpoints(engine: Engine):
Promise<Array<{ stack: string; serviceName: string; type: string; state: string; privateDnsEnabled: boolean }>> {
  const state = new EmulatedState(engine);
  const out = [];
  for (const r of engine.resourcesOfType('AWS::EC2::VPCEndpoint')) {
    const p = r.properties as Record<string, any>;
    const e = (await state.endpoints(r.stack.account, r.stack.region)).find((x) => x.id === r.physicalId);
    if (!e) throw new Error(`${r.stack.stackName}/${r.logicalId}: endpoint ${r.physicalId} not found`);
    const expect = {
      serviceName: p.ServiceName,
      type: p.VpcEndpointType ?? 'Gateway',
      vpcId: p.VpcId,
      subnetIds: [...(p.SubnetIds ?? [])].sort(),
      securityGroupIds: [...(p.SecurityGroupIds ?? [])].sort(),
      routeTableIds: [...(p.RouteTableIds ?? [])].sort(),
    };
    const actual = {
      serviceName: e.serviceName,
      type: e.type,
      vpcId: e.vpcId,
      subnetIds: e.subnetIds,
      securityGroupIds: e.securityGroupIds,
      routeTableIds: e.routeTableIds,
    };
    if (JSON.stringify(expect) !== JSON.stringify(actual)) {
      throw new Error(`${r.stack.stackName}/${r.logicalId}: declared ${JSON.stringify(expect)}, AWS shows ${JSON.stringify(actual)}`);
    }
    out.push({ stack: r.stack.stackName, serviceName: e.serviceName, type: e.type, state: e.state, privateDnsEnabled: e.privateDnsEnabled });
  }
  return out;
}

/** The name of the endpoint service a stack deployed (what a consumer in another account pastes in). */
export function deployedServiceName(engine: Engine, stackName: string): string {
  const svc = engine.resourcesOfType('AWS::EC2::VPCEndpointService').find((r) => r.stack.stackName === stackName);
  if (!svc) throw new Error(`stack ${stackName} deployed no endpoint service (yet)`);
  return `com.amazonaws.vpce.${svc.stack.region}.${svc.physicalId}`;
}

/** The resource types of every template of the engine's stacks (to show what the tier covers). */
export function deployedTypes(engine: Engine): string[] {
  return [...new Set([...engine.stacks.values()].flatMap((s) => [...s.resources.values()].map((r) => r.type)))].sort();
}
