// Reading the emulated state, as AWS shows it (through the AWS view), for assertions.
import * as ec2 from '@aws-sdk/client-ec2';
import * as elb from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Engine } from './engine';

/** A peering connection as one account and region sees it. */
export interface PeeringState {
  readonly id: string;
  readonly status: string;
  readonly requester: { vpcId: string; ownerId: string; region: string; cidr: string; allowDns: boolean };
  readonly accepter: { vpcId: string; ownerId: string; region: string; cidr: string; allowDns: boolean };
}

/** A route of a route table. */
export interface RouteState {
  readonly routeTableId: string;
  readonly destination: string;
  readonly target: string;
}

/** An endpoint. */
export interface EndpointState {
  readonly id: string;
  readonly type: string;
  readonly serviceName: string;
  readonly vpcId: string;
  readonly state: string;
  readonly subnetIds: string[];
  readonly securityGroupIds: string[];
  readonly routeTableIds: string[];
  readonly privateDnsEnabled: boolean;
}

/** An endpoint service with its allowed principals. */
export interface EndpointServiceState {
  readonly serviceId: string;
  readonly serviceName: string;
  readonly acceptanceRequired: boolean;
  readonly supportedRegions: string[];
  readonly loadBalancers: string[];
  readonly allowedPrincipals: string[];
}

/** Reads state per account and region. */
export class EmulatedState {
  constructor(private readonly engine: Engine) {}

  /** Peering connections visible in an account and region (deleted ones left out). */
  public async peerings(account: string, region: string): Promise<PeeringState[]> {
    const c = await this.ec2(account, region);
    const out = await c.send(new ec2.DescribeVpcPeeringConnectionsCommand({}));
    return (out.VpcPeeringConnections ?? []).filter((p) => p.Status?.Code !== 'deleted').map((p) => ({
      id: p.VpcPeeringConnectionId!,
      status: p.Status!.Code!,
      requester: side(p.RequesterVpcInfo!),
      accepter: side(p.AccepterVpcInfo!),
    }));
  }

  /** Routes of every route table of a VPC (local routes left out). */
  public async routes(account: string, region: string, vpcId: string): Promise<RouteState[]> {
    const c = await this.ec2(account, region);
    const out = await c.send(new ec2.DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }));
    return (out.RouteTables ?? []).flatMap((t) => (t.Routes ?? []).filter((r) => r.GatewayId !== 'local').map((r) => ({
      routeTableId: t.RouteTableId!,
      destination: r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock ?? r.DestinationPrefixListId ?? '',
      target: r.VpcPeeringConnectionId ?? r.GatewayId ?? r.NatGatewayId ?? r.TransitGatewayId ?? '',
    })));
  }

  /** Route tables associated with a VPC's subnets. */
  public async subnetRouteTables(account: string, region: string, vpcId: string): Promise<string[]> {
    const c = await this.ec2(account, region);
    const out = await c.send(new ec2.DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }));
    return (out.RouteTables ?? []).filter((t) => (t.Associations ?? []).some((a) => a.SubnetId)).map((t) => t.RouteTableId!).sort();
  }

  /** The VPC's primary CIDR. */
  public async vpcCidr(account: string, region: string, vpcId: string): Promise<string> {
    const c = await this.ec2(account, region);
    return (await c.send(new ec2.DescribeVpcsCommand({ VpcIds: [vpcId] }))).Vpcs![0].CidrBlock!;
  }

  /** Endpoints in an account and region. */
  public async endpoints(account: string, region: string): Promise<EndpointState[]> {
    const c = await this.ec2(account, region);
    const out = await c.send(new ec2.DescribeVpcEndpointsCommand({}));
    return (out.VpcEndpoints ?? []).map((e) => ({
      id: e.VpcEndpointId!,
      type: String(e.VpcEndpointType),
      serviceName: e.ServiceName!,
      vpcId: e.VpcId!,
      state: String(e.State),
      subnetIds: [...(e.SubnetIds ?? [])].sort(),
      securityGroupIds: (e.Groups ?? []).map((g) => g.GroupId!).sort(),
      routeTableIds: [...(e.RouteTableIds ?? [])].sort(),
      privateDnsEnabled: !!e.PrivateDnsEnabled,
    }));
  }

  /** Endpoint services of an account and region with their allowed principals. */
  public async endpointServices(account: string, region: string): Promise<EndpointServiceState[]> {
    const c = await this.ec2(account, region);
    const out = await c.send(new ec2.DescribeVpcEndpointServiceConfigurationsCommand({}));
    const res = [];
    for (const s of out.ServiceConfigurations ?? []) {
      const perms = await c.send(new ec2.DescribeVpcEndpointServicePermissionsCommand({ ServiceId: s.ServiceId }));
      res.push({
        serviceId: s.ServiceId!,
        serviceName: s.ServiceName!,
        acceptanceRequired: !!s.AcceptanceRequired,
        supportedRegions: (s.SupportedRegions ?? []).map((r) => r.Region!).sort(),
        loadBalancers: [...(s.NetworkLoadBalancerArns ?? []), ...(s.GatewayLoadBalancerArns ?? [])],
        allowedPrincipals: (perms.AllowedPrincipals ?? []).map((p) => p.Principal!).sort(),
      });
    }
    return res;
  }

  /** Connections to the endpoint services of an account and region, as their owner sees them (DescribeVpcEndpointConnections). */
  public async endpointConnections(account: string, region: string):
  Promise<Array<{ endpointId: string; serviceId: string; owner: string; region: string; state: string }>> {
    const c = await this.ec2(account, region);
    const out = [];
    let token: string | undefined;
    do {
      const page = await c.send(new ec2.DescribeVpcEndpointConnectionsCommand({ NextToken: token }));
      for (const x of page.VpcEndpointConnections ?? []) {
        out.push({
          endpointId: x.VpcEndpointId!,
          serviceId: x.ServiceId!,
          owner: x.VpcEndpointOwner!,
          region: x.VpcEndpointRegion!,
          state: String(x.VpcEndpointState),
        });
      }
      token = page.NextToken;
    } while (token);
    return out;
  }

  /** Load balancers (ARN and type) of an account and region. */
  public async loadBalancers(account: string, region: string): Promise<Array<{ arn: string; type: string }>> {
    const c = await this.engine.accounts.for(account, region);
    const out = await c.elbv2.send(new elb.DescribeLoadBalancersCommand({}));
    return (out.LoadBalancers ?? []).map((l) => ({ arn: l.LoadBalancerArn!, type: String(l.Type) }));
  }

  /** Inbound and outbound rules of a security group. */
  public async securityGroupRules(account: string, region: string, groupId: string):
  Promise<{ ingress: ec2.IpPermission[]; egress: ec2.IpPermission[] }> {
    const c = await this.ec2(account, region);
    const g = (await c.send(new ec2.DescribeSecurityGroupsCommand({ GroupIds: [groupId] }))).SecurityGroups![0];
    return { ingress: g.IpPermissions ?? [], egress: g.IpPermissionsEgress ?? [] };
  }

  /** VPCs with their CloudFormation tags. */
  public async vpcs(account: string, region: string): Promise<Array<{ vpcId: string; cidr: string; tags: Record<string, string> }>> {
    const c = await this.ec2(account, region);
    const out = await c.send(new ec2.DescribeVpcsCommand({}));
    return (out.Vpcs ?? []).filter((v) => !v.IsDefault).map((v) => ({
      vpcId: v.VpcId!, cidr: v.CidrBlock!, tags: Object.fromEntries((v.Tags ?? []).map((t) => [t.Key!, t.Value!])),
    }));
  }

  private async ec2(account: string, region: string): Promise<ec2.EC2Client> {
    return (await this.engine.accounts.for(account, region)).ec2;
  }
}

function side(i: ec2.VpcPeeringConnectionVpcInfo) {
  return {
    vpcId: i.VpcId!,
    ownerId: i.OwnerId!,
    region: i.Region!,
    cidr: i.CidrBlock!,
    allowDns: !!i.PeeringOptions?.AllowDnsResolutionFromRemoteVpc,
  };
}
