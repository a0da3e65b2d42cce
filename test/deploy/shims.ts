// What AWS does and the emulator (moto 5.2.1) does not: one small function per gap, each citing
// the AWS page it stands for. Nothing else is filled in.
//
// | shim                         | gap in the emulator                                               | AWS page |
// |------------------------------|-------------------------------------------------------------------|----------|
// | acceptSameAccountPeering     | same-account connections stay pending-acceptance                  | AWS::EC2::VPCPeeringConnection (CloudFormation template reference) |
// | acceptWithPeerRole           | PeerRoleArn is ignored; AssumeRole checks neither role nor trust  | AWS::EC2::VPCPeeringConnection; Walkthrough: Peer with a VPC in another AWS account |
// | failOverlappingPeering       | overlapping CIDRs do not make the connection `failed`             | AWS::EC2::VPCPeeringConnection |
// | routeNeedsActivePeering      | a route may target a connection that is not active                | Update your route tables for a VPC peering connection (Amazon VPC Peering Guide) |
// | filterPeeringConnections     | DescribeVpcPeeringConnections ignores every Filter                | DescribeVpcPeeringConnections (Amazon EC2 API Reference) |
// | checkEndpointServiceAccess   | an interface or GWLB endpoint to a missing, unpermitted or other-region service is created | Access an AWS service using an interface VPC endpoint; Configure an endpoint service (AWS PrivateLink guide) |
// | gwlbEndpointZone             | a GWLB endpoint in a zone the load balancer does not serve (or with several subnets) is created | Access an inspection system using a Gateway Load Balancer endpoint (AWS PrivateLink guide) |
// | endpointAcceptanceState      | endpoints of a service with acceptance required are `available`   | Accept or reject connection requests (AWS PrivateLink guide) |
// | recordAwsManagedPolicy       | AWS managed policies exist only if moto loads ~1,000 per account (seconds per account and reset) | AWS managed policies (IAM User Guide) |
// | describeEndpointConnections  | DescribeVpcEndpointConnections is not implemented (HTML error page) | DescribeVpcEndpointConnections; VpcEndpointConnection (Amazon EC2 API Reference) |
// | acceptEndpointConnections    | AcceptVpcEndpointConnections is not implemented (HTML error page)   | AcceptVpcEndpointConnections; UnsuccessfulItem (Amazon EC2 API Reference); Accept or reject connection requests (AWS PrivateLink guide) |
// | vpcAssociationAuthorizations | Create/Delete/ListVPCAssociationAuthorization(s) are not implemented (404) | CreateVPCAssociationAuthorization; DeleteVPCAssociationAuthorization; ListVPCAssociationAuthorizations (Amazon Route 53 API Reference) |
// | crossAccountZoneAssociation  | a VPC's account cannot associate (or disassociate) it with another account's zone (NoSuchHostedZone), and nothing checks the authorization | Associating an Amazon VPC and a private hosted zone that you created with different AWS accounts (Route 53 Developer Guide); AssociateVPCWithHostedZone |
// | recordAssumedRole            | keys a handler gets from AssumeRole are not known to belong to the role's account | AssumeRole (AWS STS API Reference) |
// | resourceGateways (resources/lattice.ts) | no VPC Lattice resource gateway API: kept per engine, validated as CloudFormation does | AWS::VpcLattice::ResourceGateway (CloudFormation template reference); CreateResourceGateway (Amazon VPC Lattice API Reference) |
// | resourceConfigurations (resources/lattice.ts) | no VPC Lattice resource configuration API (SINGLE, GROUP, CHILD, ARN): kept per engine | AWS::VpcLattice::ResourceConfiguration; CreateResourceConfiguration (Amazon VPC Lattice API Reference) |
// | latticeShares (resources/ram.ts) | RAM refuses vpc-lattice resource ARNs ("You cannot share the selected resource type") and sends no invitations: the share's principals live in the emulator, its lattice resources and invitations here | CreateResourceShare (AWS RAM API Reference); Accepting and rejecting invitations (AWS RAM User Guide) |
// | resourceEndpointAccess (resources/lattice.ts) | a Resource or ServiceNetwork endpoint is created unchecked (any subnets, no share needed) and without its ARN | CreateVpcEndpoint (Amazon EC2 API Reference); Access a resource through a resource VPC endpoint (AWS PrivateLink guide) |
// | latticeEndpoint (+ the AWS view) | DescribeVpcEndpoints drops ResourceConfigurationArn and ServiceNetworkArn | VpcEndpoint (Amazon EC2 API Reference) |
//
// Done through the service API instead of moto's CloudFormation (no shim needed): PeerOwnerId and
// PeerRegion (CreateVpcPeeringConnection honours them), AWS::EC2::VPCEndpointService
// (CreateVpcEndpointServiceConfiguration), its permissions (ModifyVpcEndpointServicePermissions),
// load balancer Type=network and Type=gateway (CreateLoadBalancer keeps it), and the internet gateway's
// edge association (AssociateRouteTable with GatewayId).
import * as ec2 from '@aws-sdk/client-ec2';
import * as elb from '@aws-sdk/client-elastic-load-balancing-v2';
import * as iam from '@aws-sdk/client-iam';
import * as r53 from '@aws-sdk/client-route-53';
import type { Credentials } from './aws';
import type { Engine, HandlerContext } from './engine';
import { LatticeEndpointRecord, latticeOf } from './resources/lattice';
import { child, textAt, XmlElement } from './xml';

type Props = Record<string, any>;

/** An endpoint service the deploy created, as the shims need to know it. */
export interface EndpointServiceRecord {
  readonly serviceId: string;
  readonly serviceName: string;
  readonly account: string;
  readonly region: string;
  readonly acceptanceRequired: boolean;
  readonly supportedRegions: string[];
  readonly loadBalancerArns: string[];
}

/** An interface endpoint connected to an endpoint service the deploy created. */
export interface EndpointConnectionRecord {
  readonly endpointId: string;
  readonly serviceId: string;
  /** The account that owns the endpoint. */
  readonly owner: string;
  /** The endpoint's Region. */
  readonly region: string;
  readonly created: Date;
  readonly ipAddressType: string;
}

/** The shims the engine and the AWS view apply. */
export class Shims {
  /** Endpoint services by service name. */
  public readonly endpointServices = new Map<string, EndpointServiceRecord>();
  /** Endpoint IDs AWS would show as pendingAcceptance. */
  public readonly pendingEndpoints = new Set<string>();
  /** Interface endpoints to those services, by endpoint ID. */
  public readonly endpointConnections = new Map<string, EndpointConnectionRecord>();
  /** Hosted zones the deploy created, by ID: the account that owns each (the emulator keeps zones per account). */
  public readonly hostedZoneOwners = new Map<string, string>();
  /** VPC association authorizations in force: zone ID -> `region/vpc-id`. */
  public readonly zoneAuthorizations = new Map<string, Set<string>>();
  /** Every authorization and cross-account association call, in order, for assertions. */
  public readonly zoneAuthorizationLog: Array<{ action: 'authorize' | 'deauthorize' | 'associate' | 'disassociate'; zoneId: string; vpc: string; caller: string }> = [];
  /** Access keys handed out by AssumeRole calls that passed through the AWS view, by account. */
  private readonly assumedKeys = new Map<string, string>();
  /** Interval of CloudFormation's stabilization polls in the harness. */
  public pollIntervalMs = 20;

  constructor(private readonly engine: Engine) {}

  /** After CreateVpcPeeringConnection: what CloudFormation does to bring the connection up. */
  public async afterPeeringRequest(pcxId: string, p: Props, ctx: HandlerContext): Promise<void> {
    const peerAccount = p.PeerOwnerId ?? ctx.stack.account;
    const peerRegion = p.PeerRegion ?? ctx.stack.region;
    await failOverlappingPeering(ctx, pcxId);
    if (peerAccount === ctx.stack.account) {
      await acceptSameAccountPeering(this.engine, pcxId, peerAccount, peerRegion);
    } else if (p.PeerRoleArn) {
      await acceptWithPeerRole(this.engine, pcxId, ctx.stack.account, ctx.stack.region, peerAccount, peerRegion, p.PeerRoleArn);
    } else {
      return; // no role to accept with: the request stays pending-acceptance
    }
    await waitUntilActive(ctx, pcxId);
  }

  /** Before CreateRoute / ReplaceRoute. */
  public async beforeRoute(p: Props, ctx: HandlerContext): Promise<void> {
    if (p.VpcPeeringConnectionId) await routeNeedsActivePeering(ctx, p.VpcPeeringConnectionId);
  }

  /** After CreateVpcEndpointServiceConfiguration. */
  public recordEndpointService(serviceId: string, p: Props, ctx: HandlerContext): void {
    const serviceName = `com.amazonaws.vpce.${ctx.stack.region}.${serviceId}`;
    this.endpointServices.set(serviceName, {
      serviceId,
      serviceName,
      account: ctx.stack.account,
      region: ctx.stack.region,
      acceptanceRequired: p.AcceptanceRequired === undefined || p.AcceptanceRequired === true || p.AcceptanceRequired === 'true',
      supportedRegions: p.SupportedRegions ?? [],
      loadBalancerArns: [...(p.NetworkLoadBalancerArns ?? []), ...(p.GatewayLoadBalancerArns ?? [])],
    });
  }

  /** Before CreateVpcEndpoint. */
  public async beforeInterfaceEndpoint(p: Props, ctx: HandlerContext): Promise<void> {
    const type = p.VpcEndpointType ?? 'Gateway';
    if ((type !== 'Interface' && type !== 'GatewayLoadBalancer') || !String(p.ServiceName).startsWith('com.amazonaws.vpce.')) return;
    await checkEndpointServiceAccess(this, p, ctx);
    if (type === 'GatewayLoadBalancer') await gwlbEndpointZone(this, p, ctx);
  }

  /** After CreateVpcEndpoint. */
  public async afterInterfaceEndpoint(endpointId: string, p: Props, ctx: HandlerContext): Promise<void> {
    endpointAcceptanceState(this, endpointId, p);
    const svc = this.endpointServices.get(p.ServiceName);
    if (svc && (p.VpcEndpointType ?? 'Gateway') === 'Interface') {
      this.endpointConnections.set(endpointId, {
        endpointId,
        serviceId: svc.serviceId,
        owner: ctx.stack.account,
        region: ctx.stack.region,
        created: new Date(),
        ipAddressType: p.IpAddressType ?? 'ipv4',
      });
    }
  }

  /**
   * What a Resource or ServiceNetwork endpoint is associated with (undefined for other endpoints):
   * the AWS view adds it to DescribeVpcEndpoints answers as `resourceConfigurationArn` /
   * `serviceNetworkArn` (VpcEndpoint, Amazon EC2 API Reference), which the emulator drops.
   */
  public latticeEndpoint(endpointId: string): LatticeEndpointRecord | undefined {
    return latticeOf(this.engine).endpoints.get(endpointId);
  }

  /** After DeleteVpcEndpoints: the connection is gone. */
  public forgetEndpoint(endpointId: string): void {
    this.pendingEndpoints.delete(endpointId);
    this.endpointConnections.delete(endpointId);
  }

  /** The account of the credentials that signed a request (by access key ID), as the emulator keys accounts. */
  public accountOfKey(accessKeyId: string): string | undefined {
    return this.engine.accounts.accountOfKey(accessKeyId) ?? this.assumedKeys.get(accessKeyId);
  }

  /** AssumeRole (AWS STS API Reference): the credentials act as the role's account. */
  public recordAssumedRole(roleArn: string, answer: string): void {
    const account = /^arn:[^:]+:iam::(\d{12}):/.exec(roleArn)?.[1];
    const key = /<AccessKeyId>([^<]+)<\/AccessKeyId>/.exec(answer)?.[1];
    if (account && key) this.assumedKeys.set(key, account);
  }

  /** After CreateHostedZone: who owns the zone. */
  public recordHostedZone(zoneId: string, account: string): void {
    this.hostedZoneOwners.set(zoneId, account);
  }

  /** After DeleteHostedZone. */
  public forgetHostedZone(zoneId: string): void {
    this.hostedZoneOwners.delete(zoneId);
    this.zoneAuthorizations.delete(zoneId);
  }

  /**
   * The Route 53 calls the emulator lacks across accounts, answered here (undefined: forward the
   * call as it is). `caller` is the account that signed it.
   */
  public async route53Answer(caller: string, method: string, urlPath: string, body: string): Promise<{ status: number; body: string } | undefined> {
    const m = /^\/2013-04-01\/hostedzone\/([^/]+)\/(authorizevpcassociation|deauthorizevpcassociation|associatevpc|disassociatevpc)$/.exec(urlPath);
    if (!m) return undefined;
    const [, zoneId, op] = m;
    const owner = this.hostedZoneOwners.get(zoneId);
    if (owner === undefined) return undefined; // not a zone of the deploy: the emulator answers
    const vpc = { VPCId: /<VPCId>([^<]+)<\/VPCId>/.exec(body)?.[1] ?? '', VPCRegion: (/<VPCRegion>([^<]+)<\/VPCRegion>/.exec(body)?.[1] ?? '') as r53.VPCRegion };
    const vpcKey = `${vpc.VPCRegion}/${vpc.VPCId}`;
    const auths = this.zoneAuthorizations.get(zoneId) ?? new Set<string>();
    this.zoneAuthorizations.set(zoneId, auths);
    if (op === 'authorizevpcassociation' || op === 'deauthorizevpcassociation') {
      // CreateVPCAssociationAuthorization: "you must use the account that created the hosted zone".
      if (caller !== owner) return route53Error(404, 'NoSuchHostedZone', `No hosted zone found with ID: ${zoneId}`);
      if (op === 'authorizevpcassociation' && method === 'GET') {
        return {
          status: 200,
          body: `<ListVPCAssociationAuthorizationsResponse xmlns="${R53_XMLNS}"><HostedZoneId>${zoneId}</HostedZoneId><VPCs>`
          + [...auths].map((k) => `<VPC><VPCRegion>${k.split('/')[0]}</VPCRegion><VPCId>${k.split('/')[1]}</VPCId></VPC>`).join('')
          + '</VPCs></ListVPCAssociationAuthorizationsResponse>',
        };
      }
      if (op === 'authorizevpcassociation') {
        auths.add(vpcKey);
        this.zoneAuthorizationLog.push({ action: 'authorize', zoneId, vpc: vpcKey, caller });
        return {
          status: 200,
          body: `<CreateVPCAssociationAuthorizationResponse xmlns="${R53_XMLNS}"><HostedZoneId>${zoneId}</HostedZoneId>`
          + `<VPC><VPCRegion>${vpc.VPCRegion}</VPCRegion><VPCId>${vpc.VPCId}</VPCId></VPC></CreateVPCAssociationAuthorizationResponse>`,
        };
      }
      if (!auths.delete(vpcKey)) return route53Error(404, 'VPCAssociationAuthorizationNotFound', `The VPC ${vpc.VPCId} is not authorized for ${zoneId}`);
      this.zoneAuthorizationLog.push({ action: 'deauthorize', zoneId, vpc: vpcKey, caller });
      return { status: 200, body: `<DeleteVPCAssociationAuthorizationResponse xmlns="${R53_XMLNS}"/>` };
    }
    if (caller === owner) return undefined; // same account: the emulator answers
    // "Using the account that created the VPC, associate the VPC with the hosted zone", once the
    // zone's account has authorized it; the VPC's account may also disassociate it.
    if (op === 'associatevpc' && !auths.has(vpcKey)) {
      return route53Error(401, 'NotAuthorizedException', `The VPC ${vpc.VPCId} has not been authorized to be associated with ${zoneId}`);
    }
    const region = vpc.VPCRegion || 'us-east-1';
    const ownerClients = await this.engine.accounts.for(owner, region);
    const cmd = op === 'associatevpc'
      ? new r53.AssociateVPCWithHostedZoneCommand({ HostedZoneId: zoneId, VPC: vpc })
      : new r53.DisassociateVPCFromHostedZoneCommand({ HostedZoneId: zoneId, VPC: vpc });
    try {
      const out = await ownerClients.route53.send(cmd as any) as { ChangeInfo?: { Id?: string } };
      this.zoneAuthorizationLog.push({ action: op === 'associatevpc' ? 'associate' : 'disassociate', zoneId, vpc: vpcKey, caller });
      const tag = op === 'associatevpc' ? 'AssociateVPCWithHostedZoneResponse' : 'DisassociateVPCFromHostedZoneResponse';
      return {
        status: 200,
        body: `<${tag} xmlns="${R53_XMLNS}"><ChangeInfo><Id>${out.ChangeInfo?.Id ?? '/change/harness'}</Id><Status>INSYNC</Status>`
        + `<SubmittedAt>${new Date().toISOString()}</SubmittedAt></ChangeInfo></${tag}>`,
      };
    } catch (e) {
      return route53Error(400, (e as Error).name, (e as Error).message);
    }
  }
}

// AWS::EC2::VPCPeeringConnection: "If the requester and acceptor VPCs are in the same account, the
// peering request is accepted without a peering role." Acceptance happens in the accepter's Region.
async function acceptSameAccountPeering(engine: Engine, pcxId: string, account: string, peerRegion: string): Promise<void> {
  const accepter = await engine.accounts.for(account, peerRegion);
  await accepter.ec2.send(new ec2.AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcxId }));
}

// AWS::EC2::VPCPeeringConnection: across accounts, CloudFormation assumes PeerRoleArn (a role of the
// accepter account that trusts the requester account) and accepts in the accepter's account and Region.
async function acceptWithPeerRole(engine: Engine, pcxId: string, account: string, region: string,
  peerAccount: string, peerRegion: string, roleArn: string): Promise<void> {
  const roleAccount = /^arn:[^:]+:iam::(\d{12}):role\/(.+)$/.exec(roleArn);
  if (!roleAccount || roleAccount[1] !== peerAccount) {
    throw new Error(`PeerRoleArn ${roleArn} is not a role of the accepter account ${peerAccount}`);
  }
  const roleName = roleAccount[2].split('/').pop()!;
  const owner = await engine.accounts.for(peerAccount, peerRegion);
  let trust: string;
  try {
    const role = await owner.iam.send(new iam.GetRoleCommand({ RoleName: roleName }));
    trust = decodeURIComponent(role.Role!.AssumeRolePolicyDocument!);
  } catch (e) {
    throw new Error(`VpcPeeringConnection failed to stabilize: PeerRoleArn ${roleArn} cannot be assumed (${(e as Error).name})`);
  }
  if (!trusts(trust, account)) {
    throw new Error(`VpcPeeringConnection failed to stabilize: role ${roleArn} does not trust account ${account}`);
  }
  if (!(await mayAccept(owner.iam, roleName))) {
    throw new Error(`VpcPeeringConnection failed to stabilize: role ${roleArn} is not allowed ec2:AcceptVpcPeeringConnection`);
  }
  const requester: Credentials = await engine.accounts.credentials(account, region);
  const assumed = await engine.accounts.assume(roleArn, region, requester);
  const asPeer = engine.accounts.withCredentials(peerAccount, peerRegion, assumed);
  await asPeer.ec2.send(new ec2.AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcxId }));
}

function trusts(policy: string, account: string): boolean {
  const doc = JSON.parse(policy);
  return [doc.Statement].flat().some((s: Props) => {
    if (s.Effect !== 'Allow' || ![s.Action].flat().some((a: string) => a === 'sts:AssumeRole' || a === 'sts:*' || a === '*')) return false;
    const aws = [s.Principal?.AWS ?? []].flat().map(String);
    return aws.some((p) => p === account || p === '*' || new RegExp(`^arn:[^:]+:iam::${account}:`).test(p));
  });
}

async function mayAccept(client: iam.IAMClient, roleName: string): Promise<boolean> {
  const docs: string[] = [];
  const inline = await client.send(new iam.ListRolePoliciesCommand({ RoleName: roleName }));
  for (const name of inline.PolicyNames ?? []) {
    docs.push(decodeURIComponent((await client.send(new iam.GetRolePolicyCommand({ RoleName: roleName, PolicyName: name }))).PolicyDocument!));
  }
  const attached = await client.send(new iam.ListAttachedRolePoliciesCommand({ RoleName: roleName }));
  for (const a of attached.AttachedPolicies ?? []) {
    const pol = await client.send(new iam.GetPolicyCommand({ PolicyArn: a.PolicyArn }));
    const v = await client.send(new iam.GetPolicyVersionCommand({ PolicyArn: a.PolicyArn, VersionId: pol.Policy!.DefaultVersionId }));
    docs.push(decodeURIComponent(v.PolicyVersion!.Document!));
  }
  return docs.some((d) => [JSON.parse(d).Statement].flat().some((s: Props) => s.Effect === 'Allow'
    && [s.Action].flat().some((a: string) => ['ec2:AcceptVpcPeeringConnection', 'ec2:*', '*'].includes(a))));
}

// AWS::EC2::VPCPeeringConnection: "If you create a VPC peering connection request between VPCs with
// overlapping CIDR blocks, the VPC peering connection has a status of failed."
async function failOverlappingPeering(ctx: HandlerContext, pcxId: string): Promise<void> {
  const out = await ctx.clients.ec2.send(new ec2.DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [pcxId] }));
  const pcx = out.VpcPeeringConnections![0];
  const a = pcx.RequesterVpcInfo?.CidrBlock;
  const b = pcx.AccepterVpcInfo?.CidrBlock;
  if (a && b && ipv4Overlap(a, b)) {
    throw new Error(`VpcPeeringConnection ${pcxId} failed: requester CIDR ${a} overlaps accepter CIDR ${b}`);
  }
}

function ipv4Overlap(a: string, b: string): boolean {
  const range = (c: string) => {
    const [ip, len] = c.split('/');
    const n = ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
    const size = 2 ** (32 - Number(len));
    const start = Math.floor(n / size) * size;
    return [start, start + size - 1];
  };
  const [s1, e1] = range(a);
  const [s2, e2] = range(b);
  return s1 <= e2 && s2 <= e1;
}

// CloudFormation finishes AWS::EC2::VPCPeeringConnection once the connection is active ("failed to
// stabilize" otherwise: AWS Knowledge Center, cloudformation-vpc-peering-error). Polled in the
// requester's account and Region, through the AWS view.
async function waitUntilActive(ctx: HandlerContext, pcxId: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const out = await ctx.clients.ec2.send(new ec2.DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [pcxId] }));
    const code = out.VpcPeeringConnections?.[0]?.Status?.Code;
    if (code === 'active') return;
    if (code && !['initiating-request', 'pending-acceptance', 'provisioning'].includes(code)) {
      throw new Error(`VpcPeeringConnection ${pcxId} failed to stabilize: it is ${code}`);
    }
    await new Promise((r) => setTimeout(r, ctx.engine.shims.pollIntervalMs));
  }
  throw new Error(`VpcPeeringConnection ${pcxId} failed to stabilize: not active after 500 polls`);
}

// Amazon VPC Peering Guide, "Update your route tables for a VPC peering connection": the
// connection must be active before routes can target it.
async function routeNeedsActivePeering(ctx: HandlerContext, pcxId: string): Promise<void> {
  const out = await ctx.clients.ec2.send(new ec2.DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [pcxId] }));
  const status = out.VpcPeeringConnections?.[0]?.Status?.Code;
  if (status !== 'active') {
    throw new Error(`CreateRoute: VPC peering connection ${pcxId} is ${status ?? 'unknown'}, not active`);
  }
}

// AWS PrivateLink guide: a consumer connects only to a service that exists, whose permissions allow
// its principal, in the service's Region or a Region the service supports (ServiceRegion).
async function checkEndpointServiceAccess(shims: Shims, p: Props, ctx: HandlerContext): Promise<void> {
  const svc = shims.endpointServices.get(p.ServiceName);
  if (!svc) throw new Error(`InvalidServiceName: The Vpc Endpoint Service '${p.ServiceName}' does not exist`);
  const consumerRegion = ctx.stack.region;
  if (consumerRegion !== svc.region) {
    if (p.ServiceRegion !== svc.region || !svc.supportedRegions.includes(consumerRegion)) {
      throw new Error(`InvalidServiceName: '${p.ServiceName}' is in ${svc.region}; a consumer in ${consumerRegion} needs ServiceRegion ${svc.region} and the service supporting ${consumerRegion} (supports ${JSON.stringify(svc.supportedRegions)})`);
    }
  }
  if (ctx.stack.account === svc.account) return;
  const owner = await ctx.engine.accounts.for(svc.account, svc.region);
  const perms = await owner.ec2.send(new ec2.DescribeVpcEndpointServicePermissionsCommand({ ServiceId: svc.serviceId }));
  const allowed = (perms.AllowedPrincipals ?? []).map((a) => a.Principal!);
  const ok = allowed.some((a) => a === '*' || new RegExp(`^arn:[^:]+:iam::${ctx.stack.account}:`).test(a));
  if (!ok) throw new Error(`InvalidServiceName: account ${ctx.stack.account} is not an allowed principal of ${p.ServiceName} (allowed: ${JSON.stringify(allowed)})`);
}

// Access an inspection system using a Gateway Load Balancer endpoint (AWS PrivateLink guide): one
// endpoint per Availability Zone, in a zone the Gateway Load Balancer supports, matched by AZ ID.
async function gwlbEndpointZone(shims: Shims, p: Props, ctx: HandlerContext): Promise<void> {
  const svc = shims.endpointServices.get(p.ServiceName)!;
  const subnetIds = (p.SubnetIds ?? []) as string[];
  if (subnetIds.length !== 1) throw new Error(`InvalidParameter: a Gateway Load Balancer endpoint takes exactly one subnet, got ${JSON.stringify(subnetIds)}`);
  const [subnet] = (await ctx.clients.ec2.send(new ec2.DescribeSubnetsCommand({ SubnetIds: subnetIds }))).Subnets!;
  const owner = await ctx.engine.accounts.for(svc.account, svc.region);
  const lbs = (await owner.elbv2.send(new elb.DescribeLoadBalancersCommand({ LoadBalancerArns: svc.loadBalancerArns }))).LoadBalancers ?? [];
  const lbSubnets = lbs.flatMap((l) => (l.AvailabilityZones ?? []).map((z) => z.SubnetId!));
  const served = ((await owner.ec2.send(new ec2.DescribeSubnetsCommand({ SubnetIds: lbSubnets }))).Subnets ?? []).map((s) => s.AvailabilityZoneId);
  if (!served.includes(subnet.AvailabilityZoneId)) {
    throw new Error(`InvalidParameter: the endpoint's zone ${subnet.AvailabilityZone} (${subnet.AvailabilityZoneId}) is not supported by the service's load balancer (zones ${JSON.stringify(served)})`);
  }
}

// AWS PrivateLink guide, "Accept or reject connection requests": with acceptance required, a new
// endpoint stays pendingAcceptance until the service owner accepts it.
function endpointAcceptanceState(shims: Shims, endpointId: string, p: Props): void {
  const svc = shims.endpointServices.get(p.ServiceName);
  if (svc?.acceptanceRequired) shims.pendingEndpoints.add(endpointId);
}

// DescribeVpcPeeringConnections (Amazon EC2 API Reference): the Filter.N names below; values of one
// filter are ORed (with * and ? wildcards), filters are ANDed.
const PEERING_FILTERS: Record<string, (item: XmlElement) => string[]> = {
  'accepter-vpc-info.cidr-block': (i) => cidrs(child(i, 'accepterVpcInfo')),
  'accepter-vpc-info.owner-id': (i) => [textAt(i, 'accepterVpcInfo', 'ownerId')],
  'accepter-vpc-info.vpc-id': (i) => [textAt(i, 'accepterVpcInfo', 'vpcId')],
  'requester-vpc-info.cidr-block': (i) => cidrs(child(i, 'requesterVpcInfo')),
  'requester-vpc-info.owner-id': (i) => [textAt(i, 'requesterVpcInfo', 'ownerId')],
  'requester-vpc-info.vpc-id': (i) => [textAt(i, 'requesterVpcInfo', 'vpcId')],
  'status-code': (i) => [textAt(i, 'status', 'code')],
  'status-message': (i) => [textAt(i, 'status', 'message')],
  'vpc-peering-connection-id': (i) => [textAt(i, 'vpcPeeringConnectionId')],
  'tag-key': (i) => (child(i, 'tagSet')?.children ?? []).map((t) => textAt(t, 'key')),
};

function cidrs(info: XmlElement | undefined): string[] {
  const set = (child(info, 'cidrBlockSet')?.children ?? []).map((c) => textAt(c, 'cidrBlock'));
  return [textAt(info, 'cidrBlock'), ...set].filter(Boolean);
}

/** The `Filter.N.Name` / `Filter.N.Value.M` parameters of a query-protocol request. */
export function queryFilters(params: URLSearchParams): Array<{ name: string; values: string[] }> {
  const out: Array<{ name: string; values: string[] }> = [];
  for (let n = 1; params.has(`Filter.${n}.Name`); n++) {
    const values: string[] = [];
    for (let m = 1; params.has(`Filter.${n}.Value.${m}`); m++) values.push(params.get(`Filter.${n}.Value.${m}`)!);
    out.push({ name: params.get(`Filter.${n}.Name`)!, values });
  }
  return out;
}

/**
 * filterPeeringConnections: keep the items of a DescribeVpcPeeringConnections answer that match
 * every filter, as AWS does. An unknown filter name is an error, as on AWS.
 */
export function filterPeeringConnections(set: XmlElement, filters: Array<{ name: string; values: string[] }>): void {
  for (const f of filters) {
    if (!PEERING_FILTERS[f.name] && !f.name.startsWith('tag:')) {
      throw new Error(`InvalidParameterValue: The filter '${f.name}' is invalid`);
    }
  }
  set.children = set.children.filter((item) => filters.every((f) => {
    const actual = f.name.startsWith('tag:')
      ? (child(item, 'tagSet')?.children ?? []).filter((t) => textAt(t, 'key') === f.name.slice(4)).map((t) => textAt(t, 'value'))
      : PEERING_FILTERS[f.name](item);
    return f.values.some((v) => actual.some((a) => wildcard(v).test(a)));
  }));
}

function wildcard(v: string): RegExp {
  return new RegExp(`^${v.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
}

/** Whether an ARN names an AWS managed policy (account `aws`). */
export function isAwsManagedPolicy(arn: string): boolean {
  return /^arn:[^:]+:iam::aws:policy\//.test(arn);
}

// IAM User Guide, "AWS managed policies": they exist in every account and can be attached to any
// role. The emulator holds them only when told to load them all, so the attachment is recorded on
// the role's tags instead (the name is checked for shape only).
export async function recordAwsManagedPolicy(ctx: HandlerContext, roleName: string, arn: string, action: 'attach' | 'detach'): Promise<void> {
  if (!/^arn:[^:]+:iam::aws:policy\/([\w+=,.@-]+\/)*[\w+=,.@-]+$/.test(arn)) throw new Error(`NoSuchEntity: Policy ${arn} does not exist or is not attachable.`);
  const key = `harness:aws-managed:${arn.split('/').pop()}`;
  if (action === 'attach') await ctx.clients.iam.send(new iam.TagRoleCommand({ RoleName: roleName, Tags: [{ Key: key, Value: arn }] }));
  else await ctx.clients.iam.send(new iam.UntagRoleCommand({ RoleName: roleName, TagKeys: [key] }));
}

const EC2_XMLNS = 'http://ec2.amazonaws.com/doc/2016-11-15/';
const R53_XMLNS = 'https://route53.amazonaws.com/doc/2013-04-01/';

/** A Route 53 REST-XML error answer. */
function route53Error(status: number, code: string, message: string): { status: number; body: string } {
  return { status, body: `<ErrorResponse xmlns="${R53_XMLNS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${xmlText(message)}</Message></Error><RequestId>harness</RequestId></ErrorResponse>` };
}

function xmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The services of `account` in `region` (the only ones whose connections it may see or accept). */
function ownServices(shims: Shims, account: string, region: string): Map<string, EndpointServiceRecord> {
  return new Map([...shims.endpointServices.values()].filter((s) => s.account === account && s.region === region).map((s) => [s.serviceId, s]));
}

function connectionState(shims: Shims, c: EndpointConnectionRecord): string {
  return shims.pendingEndpoints.has(c.endpointId) ? 'pendingAcceptance' : 'available';
}

// DescribeVpcEndpointConnections (Amazon EC2 API Reference): Filter.N names; values of one filter
// are ORed, filters ANDed. `vpc-endpoint-region` also takes `cross-region` (endpoints in other Regions).
const CONNECTION_FILTERS: Record<string, (c: EndpointConnectionRecord, state: string, svc: EndpointServiceRecord) => string[]> = {
  'ip-address-type': (c) => [c.ipAddressType],
  'service-id': (c) => [c.serviceId],
  'vpc-endpoint-id': (c) => [c.endpointId],
  'vpc-endpoint-owner': (c) => [c.owner],
  'vpc-endpoint-region': (c, _s, svc) => (c.region === svc.region ? [c.region] : [c.region, 'cross-region']),
  'vpc-endpoint-state': (_c, state) => [state],
};

/**
 * describeEndpointConnections: the answer AWS gives to DescribeVpcEndpointConnections, called by
 * `caller` in `region`: "the VPC endpoint connections to your VPC endpoint services" (only the
 * service owner sees them, in the service's Region), with filters and NextToken pages.
 * VpcEndpointConnection shape: serviceId, vpcEndpointId, vpcEndpointOwner, vpcEndpointState,
 * creationTimestamp, networkLoadBalancerArnSet, ipAddressType, vpcEndpointRegion.
 */
export function describeEndpointConnections(shims: Shims, caller: string, region: string, params: URLSearchParams): string {
  const filters = queryFilters(params);
  for (const f of filters) {
    if (!CONNECTION_FILTERS[f.name]) throw new Error(`InvalidParameterValue: The filter '${f.name}' is invalid`);
  }
  const maxResults = params.has('MaxResults') ? Number(params.get('MaxResults')) : undefined;
  if (maxResults !== undefined && !(maxResults >= 5)) {
    throw new Error(`InvalidParameterValue: MaxResults must be between 5 and 1000, got ${params.get('MaxResults')}`);
  }
  const services = ownServices(shims, caller, region);
  const all = [...shims.endpointConnections.values()].filter((c) => services.has(c.serviceId)).filter((c) => filters.every((f) => {
    const actual = CONNECTION_FILTERS[f.name](c, connectionState(shims, c), services.get(c.serviceId)!);
    return f.values.some((v) => actual.some((a) => wildcard(v).test(a)));
  }));
  const start = params.has('NextToken') ? Number(params.get('NextToken')) : 0;
  if (!Number.isInteger(start) || start < 0 || start > all.length) throw new Error('InvalidPaginationToken: The pagination token is invalid');
  const end = Math.min(all.length, start + Math.min(maxResults ?? 1000, 1000));
  const items = all.slice(start, end).map((c) => {
    const svc = services.get(c.serviceId)!;
    return `<item><serviceId>${c.serviceId}</serviceId><vpcEndpointId>${c.endpointId}</vpcEndpointId>`
      + `<vpcEndpointOwner>${c.owner}</vpcEndpointOwner><vpcEndpointState>${connectionState(shims, c)}</vpcEndpointState>`
      + `<creationTimestamp>${c.created.toISOString()}</creationTimestamp>`
      + `<networkLoadBalancerArnSet>${svc.loadBalancerArns.map((a) => `<item>${xmlText(a)}</item>`).join('')}</networkLoadBalancerArnSet>`
      + `<ipAddressType>${c.ipAddressType}</ipAddressType><vpcEndpointRegion>${c.region}</vpcEndpointRegion></item>`;
  });
  const next = end < all.length ? `<nextToken>${end}</nextToken>` : '';
  return `<DescribeVpcEndpointConnectionsResponse xmlns="${EC2_XMLNS}"><requestId>harness</requestId>`
    + `<vpcEndpointConnectionSet>${items.join('')}</vpcEndpointConnectionSet>${next}</DescribeVpcEndpointConnectionsResponse>`;
}

/**
 * acceptEndpointConnections: AcceptVpcEndpointConnections as AWS does it. The service must be the
 * caller's, in the caller's Region (InvalidVpcEndpointServiceId.NotFound otherwise, as for any
 * service the caller does not own); each endpoint pendingAcceptance on it is accepted and becomes
 * `available` in every view (DescribeVpcEndpoints included). The others come back in `unsuccessful`
 * (UnsuccessfulItem: resourceId, error code and message): InvalidVpcEndpointId.NotFound for an
 * endpoint not connected to the service, IncorrectState for one not pendingAcceptance (the API
 * reference names no code for this case: IncorrectState is the common client error for it).
 */
export function acceptEndpointConnections(shims: Shims, caller: string, region: string, params: URLSearchParams): string {
  const serviceId = params.get('ServiceId');
  if (!serviceId) throw new Error('MissingParameter: The request must contain the parameter ServiceId');
  const ids: string[] = [];
  for (let n = 1; params.has(`VpcEndpointId.${n}`); n++) ids.push(params.get(`VpcEndpointId.${n}`)!);
  if (ids.length === 0) throw new Error('MissingParameter: The request must contain the parameter VpcEndpointId');
  if (!ownServices(shims, caller, region).has(serviceId)) {
    throw new Error(`InvalidVpcEndpointServiceId.NotFound: The VpcEndpointService Id '${serviceId}' does not exist`);
  }
  const unsuccessful: string[] = [];
  const fail = (id: string, code: string, message: string) => unsuccessful.push(
    `<item><error><code>${code}</code><message>${xmlText(message)}</message></error><resourceId>${id}</resourceId></item>`);
  for (const id of ids) {
    const c = shims.endpointConnections.get(id);
    if (!c || c.serviceId !== serviceId) fail(id, 'InvalidVpcEndpointId.NotFound', `The VpcEndpoint ID '${id}' does not exist`);
    else if (!shims.pendingEndpoints.has(id)) fail(id, 'IncorrectState', `Endpoint ${id} is ${connectionState(shims, c)}, not pendingAcceptance`);
    else shims.pendingEndpoints.delete(id);
  }
  return `<AcceptVpcEndpointConnectionsResponse xmlns="${EC2_XMLNS}"><requestId>harness</requestId>`
    + `<unsuccessful>${unsuccessful.join('')}</unsuccessful></AcceptVpcEndpointConnectionsResponse>`;
}
