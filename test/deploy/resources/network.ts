// Peering, endpoints, endpoint services and load balancers.
import * as ec2 from '@aws-sdk/client-ec2';
import * as elb from '@aws-sdk/client-elastic-load-balancing-v2';
import { beforeLatticeEndpoint, forgetLatticeEndpoint, isLatticeEndpoint, recordLatticeEndpoint } from './lattice';
import { cfnTags, changedKeys, jsonDoc, ResourceHandler } from './types';

type Props = Record<string, any>;

const VPCPeeringConnection: ResourceHandler = {
  async create(p, ctx) {
    const out = await ctx.clients.ec2.send(new ec2.CreateVpcPeeringConnectionCommand({
      VpcId: p.VpcId,
      PeerVpcId: p.PeerVpcId,
      PeerOwnerId: p.PeerOwnerId,
      PeerRegion: p.PeerRegion,
      TagSpecifications: [{ ResourceType: 'vpc-peering-connection', Tags: cfnTags(ctx, p.Tags) }],
    }));
    const id = out.VpcPeeringConnection!.VpcPeeringConnectionId!;
    await ctx.engine.shims.afterPeeringRequest(id, p, ctx);
    return { physicalId: id, attributes: { Id: id } };
  },
  async update(p, old, ctx) {
    if (changedKeys(p, old.properties).some((k) => k !== 'Tags')) return undefined;
    await ctx.clients.ec2.send(new ec2.CreateTagsCommand({ Resources: [old.physicalId], Tags: cfnTags(ctx, p.Tags) }));
    return { physicalId: old.physicalId, attributes: old.attributes };
  },
  async delete(old, ctx) {
    await ctx.clients.ec2.send(new ec2.DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: old.physicalId }));
  },
};

const VPCEndpoint: ResourceHandler = {
  async create(p, ctx) {
    await ctx.engine.shims.beforeInterfaceEndpoint(p, ctx);
    if (isLatticeEndpoint(p)) await beforeLatticeEndpoint(p, ctx);
    const out = await ctx.clients.ec2.send(new ec2.CreateVpcEndpointCommand({
      VpcId: p.VpcId,
      ServiceName: p.ServiceName,
      VpcEndpointType: p.VpcEndpointType ?? 'Gateway',
      SubnetIds: p.SubnetIds,
      SecurityGroupIds: p.SecurityGroupIds,
      RouteTableIds: p.RouteTableIds,
      PolicyDocument: jsonDoc(p.PolicyDocument),
      PrivateDnsEnabled: p.PrivateDnsEnabled,
      IpAddressType: p.IpAddressType,
      ServiceRegion: p.ServiceRegion,
      TagSpecifications: [{ ResourceType: 'vpc-endpoint', Tags: cfnTags(ctx, p.Tags) }],
    }));
    const e = out.VpcEndpoint!;
    await ctx.engine.shims.afterInterfaceEndpoint(e.VpcEndpointId!, p, ctx);
    if (isLatticeEndpoint(p)) recordLatticeEndpoint(e.VpcEndpointId!, p, ctx);
    return {
      physicalId: e.VpcEndpointId!,
      attributes: {
        Id: e.VpcEndpointId,
        CreationTimestamp: String(e.CreationTimestamp ?? ''),
        DnsEntries: (e.DnsEntries ?? []).map((d) => `${d.HostedZoneId}:${d.DnsName}`),
        NetworkInterfaceIds: e.NetworkInterfaceIds ?? [],
      },
    };
  },
  async delete(old, ctx) {
    await ctx.clients.ec2.send(new ec2.DeleteVpcEndpointsCommand({ VpcEndpointIds: [old.physicalId] }));
    ctx.engine.shims.forgetEndpoint(old.physicalId);
    forgetLatticeEndpoint(old.physicalId, ctx.engine);
  },
};

const VPCEndpointService: ResourceHandler = {
  async create(p, ctx) {
    // moto's CloudFormation has no AWS::EC2::VPCEndpointService: the EC2 API call CloudFormation makes.
    const out = await ctx.clients.ec2.send(new ec2.CreateVpcEndpointServiceConfigurationCommand({
      NetworkLoadBalancerArns: p.NetworkLoadBalancerArns,
      GatewayLoadBalancerArns: p.GatewayLoadBalancerArns,
      AcceptanceRequired: p.AcceptanceRequired === undefined ? undefined : p.AcceptanceRequired === true || p.AcceptanceRequired === 'true',
      PrivateDnsName: p.PrivateDnsName,
      SupportedRegions: p.SupportedRegions,
      SupportedIpAddressTypes: p.SupportedIpAddressTypes,
      TagSpecifications: [{ ResourceType: 'vpc-endpoint-service', Tags: cfnTags(ctx, p.Tags) }],
    }));
    const id = out.ServiceConfiguration!.ServiceId!;
    ctx.engine.shims.recordEndpointService(id, p, ctx);
    return { physicalId: id, attributes: { ServiceId: id } };
  },
  async delete(old, ctx) {
    await ctx.clients.ec2.send(new ec2.DeleteVpcEndpointServiceConfigurationsCommand({ ServiceIds: [old.physicalId] }));
  },
};

const VPCEndpointServicePermissions: ResourceHandler = {
  async create(p, ctx) {
    await ctx.clients.ec2.send(new ec2.ModifyVpcEndpointServicePermissionsCommand({
      ServiceId: p.ServiceId,
      AddAllowedPrincipals: p.AllowedPrincipals ?? [],
    }));
    return { physicalId: `${p.ServiceId}-permissions` };
  },
  async update(p, old, ctx) {
    if (p.ServiceId !== old.properties.ServiceId) return undefined;
    const before = (old.properties.AllowedPrincipals ?? []) as string[];
    const after = (p.AllowedPrincipals ?? []) as string[];
    await ctx.clients.ec2.send(new ec2.ModifyVpcEndpointServicePermissionsCommand({
      ServiceId: p.ServiceId,
      AddAllowedPrincipals: after.filter((x) => !before.includes(x)),
      RemoveAllowedPrincipals: before.filter((x) => !after.includes(x)),
    }));
    return { physicalId: old.physicalId };
  },
  async delete(old, ctx) {
    const principals = (old.properties.AllowedPrincipals ?? []) as string[];
    if (principals.length) {
      await ctx.clients.ec2.send(new ec2.ModifyVpcEndpointServicePermissionsCommand({
        ServiceId: old.properties.ServiceId as string,
        RemoveAllowedPrincipals: principals,
      }));
    }
  },
};

const elbName = (ctx: Parameters<ResourceHandler['create']>[1], p: Props) =>
  p.Name ?? `${ctx.stack.stackName.slice(0, 10)}-${ctx.logicalId.slice(0, 10)}-${Math.random().toString(36).slice(2, 9)}`.replace(/[^a-zA-Z0-9-]/g, '').slice(0, 32);

const LoadBalancer: ResourceHandler = {
  async create(p, ctx) {
    // The ELBv2 API keeps Type=network and Type=gateway (moto's CloudFormation would make every load balancer an ALB).
    const out = await ctx.clients.elbv2.send(new elb.CreateLoadBalancerCommand({
      Name: elbName(ctx, p),
      Type: p.Type ?? 'application',
      Scheme: p.Scheme,
      Subnets: p.Subnets,
      SubnetMappings: p.SubnetMappings,
      SecurityGroups: p.SecurityGroups,
      IpAddressType: p.IpAddressType,
      Tags: cfnTags(ctx, p.Tags),
    }));
    const lb = out.LoadBalancers![0];
    if (p.LoadBalancerAttributes?.length) {
      await ctx.clients.elbv2.send(new elb.ModifyLoadBalancerAttributesCommand({
        LoadBalancerArn: lb.LoadBalancerArn,
        Attributes: p.LoadBalancerAttributes,
      }));
    }
    return {
      physicalId: lb.LoadBalancerArn!,
      attributes: {
        LoadBalancerArn: lb.LoadBalancerArn,
        DNSName: lb.DNSName,
        CanonicalHostedZoneID: lb.CanonicalHostedZoneId,
        LoadBalancerName: lb.LoadBalancerName,
        LoadBalancerFullName: lb.LoadBalancerArn!.split(':loadbalancer/')[1],
        SecurityGroups: lb.SecurityGroups ?? [],
      },
    };
  },
  async delete(old, ctx) {
    await ctx.clients.elbv2.send(new elb.DeleteLoadBalancerCommand({ LoadBalancerArn: old.physicalId }));
  },
};

const TargetGroup: ResourceHandler = {
  async create(p, ctx) {
    const out = await ctx.clients.elbv2.send(new elb.CreateTargetGroupCommand({
      Name: elbName(ctx, p),
      Port: p.Port && Number(p.Port),
      Protocol: p.Protocol,
      VpcId: p.VpcId,
      TargetType: p.TargetType,
      HealthCheckProtocol: p.HealthCheckProtocol,
      HealthCheckPort: p.HealthCheckPort,
      HealthCheckPath: p.HealthCheckPath,
      HealthCheckEnabled: p.HealthCheckEnabled === undefined ? undefined : p.HealthCheckEnabled === true || p.HealthCheckEnabled === 'true',
      HealthCheckIntervalSeconds: p.HealthCheckIntervalSeconds && Number(p.HealthCheckIntervalSeconds),
      HealthCheckTimeoutSeconds: p.HealthCheckTimeoutSeconds && Number(p.HealthCheckTimeoutSeconds),
      HealthyThresholdCount: p.HealthyThresholdCount && Number(p.HealthyThresholdCount),
      UnhealthyThresholdCount: p.UnhealthyThresholdCount && Number(p.UnhealthyThresholdCount),
      Tags: cfnTags(ctx, p.Tags),
    }));
    const tg = out.TargetGroups![0];
    if (p.Targets?.length) {
      await ctx.clients.elbv2.send(new elb.RegisterTargetsCommand({
        TargetGroupArn: tg.TargetGroupArn,
        Targets: p.Targets.map((t: Props) => ({ Id: t.Id, Port: t.Port && Number(t.Port), AvailabilityZone: t.AvailabilityZone })),
      }));
    }
    return {
      physicalId: tg.TargetGroupArn!,
      attributes: {
        TargetGroupArn: tg.TargetGroupArn,
        TargetGroupName: tg.TargetGroupName,
        LoadBalancerArns: tg.LoadBalancerArns ?? [],
        TargetGroupFullName: tg.TargetGroupArn!.split(':')[5],
      },
    };
  },
  async delete(old, ctx) {
    await ctx.clients.elbv2.send(new elb.DeleteTargetGroupCommand({ TargetGroupArn: old.physicalId }));
  },
};

const Listener: ResourceHandler = {
  async create(p, ctx) {
    const out = await ctx.clients.elbv2.send(new elb.CreateListenerCommand({
      LoadBalancerArn: p.LoadBalancerArn,
      Port: p.Port && Number(p.Port),
      Protocol: p.Protocol,
      DefaultActions: p.DefaultActions,
      Certificates: p.Certificates,
      SslPolicy: p.SslPolicy,
      AlpnPolicy: p.AlpnPolicy,
    }));
    const arn = out.Listeners![0].ListenerArn!;
    return { physicalId: arn, attributes: { ListenerArn: arn } };
  },
  async delete(old, ctx) {
    await ctx.clients.elbv2.send(new elb.DeleteListenerCommand({ ListenerArn: old.physicalId }));
  },
};

/** Handlers of peering, endpoint and load balancer types. */
export const NETWORK_HANDLERS: Record<string, ResourceHandler> = {
  'AWS::EC2::VPCPeeringConnection': VPCPeeringConnection,
  'AWS::EC2::VPCEndpoint': VPCEndpoint,
  'AWS::EC2::VPCEndpointService': VPCEndpointService,
  'AWS::EC2::VPCEndpointServicePermissions': VPCEndpointServicePermissions,
  'AWS::ElasticLoadBalancingV2::LoadBalancer': LoadBalancer,
  'AWS::ElasticLoadBalancingV2::TargetGroup': TargetGroup,
  'AWS::ElasticLoadBalancingV2::Listener': Listener,
};
