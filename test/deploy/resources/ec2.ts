// EC2 networking resource types, through the EC2 API.
import * as ec2 from '@aws-sdk/client-ec2';
import { cfnTags, changedKeys, Provisioned, ResourceHandler } from './types';
import type { HandlerContext } from '../engine';

type Props = Record<string, any>;

const tagSpec = (ctx: HandlerContext, type: ec2.ResourceType, tags?: Props[]) =>
  [{ ResourceType: type, Tags: cfnTags(ctx, tags as any) }];

async function setTags(ctx: HandlerContext, id: string, oldTags: Props[] | undefined, tags: Props[] | undefined): Promise<void> {
  const gone = (oldTags ?? []).filter((t) => !(tags ?? []).some((n) => n.Key === t.Key));
  if (gone.length) await ctx.clients.ec2.send(new ec2.DeleteTagsCommand({ Resources: [id], Tags: gone.map((t) => ({ Key: t.Key })) }));
  if (tags?.length) await ctx.clients.ec2.send(new ec2.CreateTagsCommand({ Resources: [id], Tags: tags as ec2.Tag[] }));
}

async function vpcAttributes(ctx: HandlerContext, vpcId: string): Promise<Record<string, unknown>> {
  const [vpc] = (await ctx.clients.ec2.send(new ec2.DescribeVpcsCommand({ VpcIds: [vpcId] }))).Vpcs!;
  const sg = await ctx.clients.ec2.send(new ec2.DescribeSecurityGroupsCommand({
    Filters: [{ Name: 'vpc-id', Values: [vpcId] }, { Name: 'group-name', Values: ['default'] }],
  }));
  const acl = await ctx.clients.ec2.send(new ec2.DescribeNetworkAclsCommand({
    Filters: [{ Name: 'vpc-id', Values: [vpcId] }, { Name: 'default', Values: ['true'] }],
  }));
  return {
    VpcId: vpcId,
    CidrBlock: vpc.CidrBlock,
    CidrBlockAssociations: (vpc.CidrBlockAssociationSet ?? []).map((a) => a.AssociationId),
    Ipv6CidrBlocks: (vpc.Ipv6CidrBlockAssociationSet ?? []).map((a) => a.Ipv6CidrBlock),
    DefaultSecurityGroup: sg.SecurityGroups?.[0]?.GroupId,
    DefaultNetworkAcl: acl.NetworkAcls?.[0]?.NetworkAclId,
  };
}

async function vpcDns(ctx: HandlerContext, vpcId: string, p: Props, old?: Props): Promise<void> {
  // AWS defaults: DNS support on, DNS hostnames off (AWS::EC2::VPC).
  for (const [prop, attr] of [['EnableDnsSupport', 'EnableDnsSupport'], ['EnableDnsHostnames', 'EnableDnsHostnames']] as const) {
    if (p[prop] === undefined && old?.[prop] === undefined) continue;
    const value = p[prop] ?? (prop === 'EnableDnsSupport');
    await ctx.clients.ec2.send(new ec2.ModifyVpcAttributeCommand({ VpcId: vpcId, [attr]: { Value: value === true || value === 'true' } }));
  }
}

const VPC: ResourceHandler = {
  async create(p, ctx) {
    const out = await ctx.clients.ec2.send(new ec2.CreateVpcCommand({
      CidrBlock: p.CidrBlock,
      InstanceTenancy: p.InstanceTenancy,
      Ipv4IpamPoolId: p.Ipv4IpamPoolId,
      Ipv4NetmaskLength: p.Ipv4NetmaskLength,
      TagSpecifications: tagSpec(ctx, 'vpc', p.Tags),
    }));
    const id = out.Vpc!.VpcId!;
    await vpcDns(ctx, id, p);
    return { physicalId: id, attributes: await vpcAttributes(ctx, id) };
  },
  async update(p, old, ctx) {
    if (changedKeys(p, old.properties).some((k) => !['EnableDnsSupport', 'EnableDnsHostnames', 'Tags'].includes(k))) return undefined;
    await vpcDns(ctx, old.physicalId, p, old.properties);
    await setTags(ctx, old.physicalId, old.properties.Tags as Props[], p.Tags);
    return { physicalId: old.physicalId, attributes: await vpcAttributes(ctx, old.physicalId) };
  },
  async delete(old, ctx) {
    await ctx.clients.ec2.send(new ec2.DeleteVpcCommand({ VpcId: old.physicalId }));
  },
};

const Subnet: ResourceHandler = {
  async create(p, ctx) {
    const out = await ctx.clients.ec2.send(new ec2.CreateSubnetCommand({
      VpcId: p.VpcId,
      CidrBlock: p.CidrBlock,
      AvailabilityZone: p.AvailabilityZone,
      AvailabilityZoneId: p.AvailabilityZoneId,
      Ipv6CidrBlock: p.Ipv6CidrBlock,
      TagSpecifications: tagSpec(ctx, 'subnet', p.Tags),
    }));
    const s = out.Subnet!;
    if (p.MapPublicIpOnLaunch !== undefined) {
      await ctx.clients.ec2.send(new ec2.ModifySubnetAttributeCommand({ SubnetId: s.SubnetId, MapPublicIpOnLaunch: { Value: p.MapPublicIpOnLaunch === true || p.MapPublicIpOnLaunch === 'true' } }));
    }
    return {
      physicalId: s.SubnetId!,
      attributes: {
        SubnetId: s.SubnetId,
        VpcId: s.VpcId,
        CidrBlock: s.CidrBlock,
        AvailabilityZone: s.AvailabilityZone,
        AvailabilityZoneId: s.AvailabilityZoneId,
        Ipv6CidrBlocks: (s.Ipv6CidrBlockAssociationSet ?? []).map((a) => a.Ipv6CidrBlock),
        NetworkAclAssociationId: '',
      },
    };
  },
  async delete(old, ctx) {
    await ctx.clients.ec2.send(new ec2.DeleteSubnetCommand({ SubnetId: old.physicalId }));
  },
};

const RouteTable: ResourceHandler = {
  async create(p, ctx) {
    const out = await ctx.clients.ec2.send(new ec2.CreateRouteTableCommand({ VpcId: p.VpcId, TagSpecifications: tagSpec(ctx, 'route-table', p.Tags) }));
    return { physicalId: out.RouteTable!.RouteTableId!, attributes: { RouteTableId: out.RouteTable!.RouteTableId } };
  },
  async delete(old, ctx) {
    await ctx.clients.ec2.send(new ec2.DeleteRouteTableCommand({ RouteTableId: old.physicalId }));
  },
};

const SubnetRouteTableAssociation: ResourceHandler = {
  async create(p, ctx) {
    const out = await ctx.clients.ec2.send(new ec2.AssociateRouteTableCommand({ SubnetId: p.SubnetId, RouteTableId: p.RouteTableId }));
    return { physicalId: out.AssociationId!, attributes: { Id: out.AssociationId } };
  },
  async delete(old, ctx) {
    await ctx.clients.ec2.send(new ec2.DisassociateRouteTableCommand({ AssociationId: old.physicalId }));
  },
};

const ROUTE_TARGETS = ['GatewayId', 'NatGatewayId', 'VpcPeeringConnectionId', 'TransitGatewayId', 'VpcEndpointId',
  'InstanceId', 'NetworkInterfaceId', 'EgressOnlyInternetGatewayId', 'CarrierGatewayId', 'LocalGatewayId', 'CoreNetworkArn'];
const routeDestination = (p: Props) => ({
  DestinationCidrBlock: p.DestinationCidrBlock,
  DestinationIpv6CidrBlock: p.DestinationIpv6CidrBlock,
  DestinationPrefixListId: p.DestinationPrefixListId,
});
const routeTarget = (p: Props) => Object.fromEntries(ROUTE_TARGETS.filter((k) => p[k] !== undefined).map((k) => [k, p[k]]));

const Route: ResourceHandler = {
  async create(p, ctx) {
    await ctx.engine.shims.beforeRoute(p, ctx);
    await ctx.clients.ec2.send(new ec2.CreateRouteCommand({ RouteTableId: p.RouteTableId, ...routeDestination(p), ...routeTarget(p) }));
    const dest = p.DestinationCidrBlock ?? p.DestinationIpv6CidrBlock ?? p.DestinationPrefixListId;
    return { physicalId: `${p.RouteTableId}|${dest}` };
  },
  async update(p, old, ctx) {
    // AWS::EC2::Route: a new target is an update without interruption (ReplaceRoute).
    if (changedKeys(p, old.properties).some((k) => !ROUTE_TARGETS.includes(k))) return undefined;
    await ctx.engine.shims.beforeRoute(p, ctx);
    await ctx.clients.ec2.send(new ec2.ReplaceRouteCommand({ RouteTableId: p.RouteTableId, ...routeDestination(p), ...routeTarget(p) }));
    return { physicalId: old.physicalId };
  },
  async delete(old, ctx) {
    await ctx.clients.ec2.send(new ec2.DeleteRouteCommand({
      RouteTableId: old.properties.RouteTableId as string, ...routeDestination(old.properties),
    }));
  },
};

// AWS::EC2::GatewayRouteTableAssociation: the edge association of an internet gateway (or virtual
// private gateway) with a route table (AssociateRouteTable with GatewayId).
const GatewayRouteTableAssociation: ResourceHandler = {
  async create(p, ctx) {
    const out = await ctx.clients.ec2.send(new ec2.AssociateRouteTableCommand({ GatewayId: p.GatewayId, RouteTableId: p.RouteTableId }));
    return { physicalId: out.AssociationId!, attributes: { AssociationId: out.AssociationId } };
  },
  async delete(old, ctx) {
    await ctx.clients.ec2.send(new ec2.DisassociateRouteTableCommand({ AssociationId: old.physicalId }));
  },
};

const InternetGateway: ResourceHandler = {
  async create(p, ctx) {
    const out = await ctx.clients.ec2.send(new ec2.CreateInternetGatewayCommand({ TagSpecifications: tagSpec(ctx, 'internet-gateway', p.Tags) }));
    return { physicalId: out.InternetGateway!.InternetGatewayId!, attributes: { InternetGatewayId: out.InternetGateway!.InternetGatewayId } };
  },
  async delete(old, ctx) {
    await ctx.clients.ec2.send(new ec2.DeleteInternetGatewayCommand({ InternetGatewayId: old.physicalId }));
  },
};

const VPCGatewayAttachment: ResourceHandler = {
  async create(p, ctx) {
    if (!p.InternetGatewayId) throw new Error('AWS::EC2::VPCGatewayAttachment: only InternetGatewayId is supported by the deploy tier');
    await ctx.clients.ec2.send(new ec2.AttachInternetGatewayCommand({ InternetGatewayId: p.InternetGatewayId, VpcId: p.VpcId }));
    return { physicalId: `IGW|${p.VpcId}` };
  },
  async delete(old, ctx) {
    await ctx.clients.ec2.send(new ec2.DetachInternetGatewayCommand({
      InternetGatewayId: old.properties.InternetGatewayId as string,
      VpcId: old.properties.VpcId as string,
    }));
  },
};

const EIP: ResourceHandler = {
  async create(p, ctx) {
    const out = await ctx.clients.ec2.send(new ec2.AllocateAddressCommand({ Domain: 'vpc', TagSpecifications: tagSpec(ctx, 'elastic-ip', p.Tags) }));
    return { physicalId: out.PublicIp!, attributes: { AllocationId: out.AllocationId, PublicIp: out.PublicIp } };
  },
  async delete(old, ctx) {
    await ctx.clients.ec2.send(new ec2.ReleaseAddressCommand({ AllocationId: old.attributes.AllocationId as string }));
  },
};

const NatGateway: ResourceHandler = {
  async create(p, ctx) {
    const out = await ctx.clients.ec2.send(new ec2.CreateNatGatewayCommand({
      SubnetId: p.SubnetId, AllocationId: p.AllocationId, ConnectivityType: p.ConnectivityType, TagSpecifications: tagSpec(ctx, 'natgateway', p.Tags),
    }));
    return { physicalId: out.NatGateway!.NatGatewayId!, attributes: { NatGatewayId: out.NatGateway!.NatGatewayId } };
  },
  async delete(old, ctx) {
    await ctx.clients.ec2.send(new ec2.DeleteNatGatewayCommand({ NatGatewayId: old.physicalId }));
  },
};

/** An IpPermission from a CloudFormation security group rule. */
export function ipPermission(r: Props, peer: 'Source' | 'Destination'): ec2.IpPermission {
  const all = String(r.IpProtocol) === '-1';
  return {
    IpProtocol: String(r.IpProtocol),
    FromPort: all ? undefined : r.FromPort === undefined ? undefined : Number(r.FromPort),
    ToPort: all ? undefined : r.ToPort === undefined ? undefined : Number(r.ToPort),
    IpRanges: r.CidrIp ? [{ CidrIp: r.CidrIp, Description: r.Description }] : undefined,
    Ipv6Ranges: r.CidrIpv6 ? [{ CidrIpv6: r.CidrIpv6, Description: r.Description }] : undefined,
    UserIdGroupPairs: r[`${peer}SecurityGroupId`] ? [{ GroupId: r[`${peer}SecurityGroupId`], UserId: r.SourceSecurityGroupOwnerId, Description: r.Description }] : undefined,
    PrefixListIds: r[`${peer}PrefixListId`] ? [{ PrefixListId: r[`${peer}PrefixListId`], Description: r.Description }] : undefined,
  };
}

const ALL_EGRESS: ec2.IpPermission = { IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] };

async function applyRules(ctx: HandlerContext, groupId: string, p: Props, old?: Props): Promise<void> {
  const e = ctx.clients.ec2;
  const oldIn = (old?.SecurityGroupIngress ?? []) as Props[];
  const oldOut = old ? (old.SecurityGroupEgress ?? undefined) as Props[] | undefined : undefined;
  if (oldIn.length) await e.send(new ec2.RevokeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: oldIn.map((r) => ipPermission(r, 'Source')) }));
  if (old) {
    const revoke = oldOut ? oldOut.map((r) => ipPermission(r, 'Destination')) : [ALL_EGRESS];
    await e.send(new ec2.RevokeSecurityGroupEgressCommand({ GroupId: groupId, IpPermissions: revoke }));
  } else if (p.SecurityGroupEgress) {
    // AWS::EC2::SecurityGroup: rules in SecurityGroupEgress replace the default allow-all egress rule.
    await e.send(new ec2.RevokeSecurityGroupEgressCommand({ GroupId: groupId, IpPermissions: [ALL_EGRESS] }));
  }
  const ingress = (p.SecurityGroupIngress ?? []) as Props[];
  if (ingress.length) await e.send(new ec2.AuthorizeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: ingress.map((r) => ipPermission(r, 'Source')) }));
  const egress = p.SecurityGroupEgress ? (p.SecurityGroupEgress as Props[]).map((r) => ipPermission(r, 'Destination')) : old ? [ALL_EGRESS] : [];
  if (egress.length) await e.send(new ec2.AuthorizeSecurityGroupEgressCommand({ GroupId: groupId, IpPermissions: egress }));
}

const SecurityGroup: ResourceHandler = {
  async create(p, ctx) {
    const name = p.GroupName ?? `${ctx.stack.stackName}-${ctx.logicalId}-${Math.random().toString(36).slice(2, 14).toUpperCase()}`;
    const out = await ctx.clients.ec2.send(new ec2.CreateSecurityGroupCommand({
      GroupName: name, Description: p.GroupDescription, VpcId: p.VpcId, TagSpecifications: tagSpec(ctx, 'security-group', p.Tags),
    }));
    await applyRules(ctx, out.GroupId!, p);
    return { physicalId: out.GroupId!, attributes: { GroupId: out.GroupId, VpcId: p.VpcId } };
  },
  async update(p, old, ctx) {
    if (changedKeys(p, old.properties).some((k) => !['SecurityGroupIngress', 'SecurityGroupEgress', 'Tags'].includes(k))) return undefined;
    await applyRules(ctx, old.physicalId, p, old.properties);
    await setTags(ctx, old.physicalId, old.properties.Tags as Props[], p.Tags);
    return { physicalId: old.physicalId, attributes: old.attributes };
  },
  async delete(old, ctx) {
    await ctx.clients.ec2.send(new ec2.DeleteSecurityGroupCommand({ GroupId: old.physicalId }));
  },
};

function ruleHandler(direction: 'Ingress' | 'Egress'): ResourceHandler {
  const peer = direction === 'Ingress' ? 'Source' : 'Destination';
  return {
    async create(p, ctx) {
      const perm = [ipPermission(p, peer)];
      if (direction === 'Ingress') await ctx.clients.ec2.send(new ec2.AuthorizeSecurityGroupIngressCommand({ GroupId: p.GroupId, IpPermissions: perm }));
      else await ctx.clients.ec2.send(new ec2.AuthorizeSecurityGroupEgressCommand({ GroupId: p.GroupId, IpPermissions: perm }));
      return { physicalId: `sgr-${Math.random().toString(16).slice(2, 19)}` };
    },
    async delete(old, ctx) {
      const perm = [ipPermission(old.properties, peer)];
      const GroupId = old.properties.GroupId as string;
      if (direction === 'Ingress') await ctx.clients.ec2.send(new ec2.RevokeSecurityGroupIngressCommand({ GroupId, IpPermissions: perm }));
      else await ctx.clients.ec2.send(new ec2.RevokeSecurityGroupEgressCommand({ GroupId, IpPermissions: perm }));
    },
  };
}

const VPCCidrBlock: ResourceHandler = {
  async create(p, ctx) {
    const out = await ctx.clients.ec2.send(new ec2.AssociateVpcCidrBlockCommand({
      VpcId: p.VpcId, CidrBlock: p.CidrBlock, AmazonProvidedIpv6CidrBlock: p.AmazonProvidedIpv6CidrBlock, Ipv6CidrBlock: p.Ipv6CidrBlock,
    }));
    const assoc = out.CidrBlockAssociation?.AssociationId ?? out.Ipv6CidrBlockAssociation?.AssociationId;
    return { physicalId: assoc!, attributes: { Id: assoc, Ipv6CidrBlock: out.Ipv6CidrBlockAssociation?.Ipv6CidrBlock } };
  },
  async delete(old, ctx) {
    await ctx.clients.ec2.send(new ec2.DisassociateVpcCidrBlockCommand({ AssociationId: old.physicalId }));
  },
};

const Instance: ResourceHandler = {
  async create(p, ctx) {
    const out = await ctx.clients.ec2.send(new ec2.RunInstancesCommand({
      ImageId: p.ImageId,
      InstanceType: p.InstanceType,
      MinCount: 1,
      MaxCount: 1,
      SubnetId: p.SubnetId,
      SecurityGroupIds: p.SecurityGroupIds,
      IamInstanceProfile: p.IamInstanceProfile ? { Name: p.IamInstanceProfile } : undefined,
      UserData: p.UserData,
      BlockDeviceMappings: p.BlockDeviceMappings?.map((b: Props) => ({
        ...b, Ebs: b.Ebs && { ...b.Ebs, VolumeSize: b.Ebs.VolumeSize && Number(b.Ebs.VolumeSize), Encrypted: b.Ebs.Encrypted === true || b.Ebs.Encrypted === 'true' },
      })),
      Monitoring: p.Monitoring !== undefined ? { Enabled: p.Monitoring === true || p.Monitoring === 'true' } : undefined,
      DisableApiTermination: p.DisableApiTermination,
      Placement: p.AvailabilityZone ? { AvailabilityZone: p.AvailabilityZone } : undefined,
      TagSpecifications: tagSpec(ctx, 'instance', p.Tags),
    }));
    const i = out.Instances![0];
    return {
      physicalId: i.InstanceId!,
      attributes: {
        InstanceId: i.InstanceId,
        AvailabilityZone: i.Placement?.AvailabilityZone,
        PrivateIp: i.PrivateIpAddress,
        PrivateDnsName: i.PrivateDnsName,
        PublicIp: i.PublicIpAddress ?? '',
        PublicDnsName: i.PublicDnsName ?? '',
      },
    };
  },
  async delete(old, ctx) {
    await ctx.clients.ec2.send(new ec2.ModifyInstanceAttributeCommand({ InstanceId: old.physicalId, DisableApiTermination: { Value: false } }));
    await ctx.clients.ec2.send(new ec2.TerminateInstancesCommand({ InstanceIds: [old.physicalId] }));
  },
};

/** Handlers of EC2 networking types, by CloudFormation type. */
export const EC2_HANDLERS: Record<string, ResourceHandler> = {
  'AWS::EC2::VPC': VPC,
  'AWS::EC2::Subnet': Subnet,
  'AWS::EC2::RouteTable': RouteTable,
  'AWS::EC2::SubnetRouteTableAssociation': SubnetRouteTableAssociation,
  'AWS::EC2::GatewayRouteTableAssociation': GatewayRouteTableAssociation,
  'AWS::EC2::Route': Route,
  'AWS::EC2::InternetGateway': InternetGateway,
  'AWS::EC2::VPCGatewayAttachment': VPCGatewayAttachment,
  'AWS::EC2::EIP': EIP,
  'AWS::EC2::NatGateway': NatGateway,
  'AWS::EC2::SecurityGroup': SecurityGroup,
  'AWS::EC2::SecurityGroupIngress': ruleHandler('Ingress'),
  'AWS::EC2::SecurityGroupEgress': ruleHandler('Egress'),
  'AWS::EC2::VPCCidrBlock': VPCCidrBlock,
  'AWS::EC2::Instance': Instance,
};

export type { Provisioned };
