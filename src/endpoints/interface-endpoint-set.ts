import { Aspects, Fn, IAspect, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct, IConstruct } from 'constructs';
import { checkServiceRegion, crossRegionService, crossRegionServiceNames, CROSS_REGION_SERVICES_SOURCE, extraCrossRegionServices } from './cross-region-services';
import { ECR_SERVICES, ecrLayerObjectsArn, evaluateLayerAccess, LayerAccess, resolvedPolicy, s3GatewaysIn } from './ecr-layers';
import { EndpointPolicy } from './endpoint-policy';
import { InterfaceEndpointResource } from './endpoint-resource';
import { GatewayEndpointSet } from './gateway-endpoint-set';
import { checkPolicySize } from './policy-size';
import { inspectStatements } from './policy-statements';
import { checkedServiceName, checkRegion, crossRegionServiceName, vpcRegionOrWarn, interfaceServiceName, normaliseServiceName, parseServiceName, serviceChildId } from './service-name';
import { InterfaceEndpointService } from './services';
import { indexApp } from '../core/app-index';
import { checkDnsRecordIpType, checkSubnetIpTypes } from '../core/endpoint-ip-types';
import { fail } from '../core/errors';
import { ConnectivityGraph, EndpointKind } from '../core/graph';
import { openIngressProblems } from '../core/open-ingress';
import { Rules, RuleSeverity } from '../core/rules';
import { isPendingLookup, readVpcFacts } from '../core/vpc-facts';
import { show, warn, warnOnce } from '../core/warnings';
import { IpFamily } from '../net/cidr';
import { cidrProblem, tryParseCidr } from '../net/cidr-parse';
import { partitionOf } from '../net/regions';

/** Properties of an {@link InterfaceEndpointSet}. */
export interface InterfaceEndpointSetProps {
  /** The VPC in which to create the endpoints. */
  readonly vpc: ec2.IVpc;

  /**
   * The services, one interface endpoint each (a service listed twice gets one endpoint).
   * Presets such as `InterfaceEndpointService.SSM_SESSION_MANAGER` can be spread in.
   */
  readonly services: InterfaceEndpointService[];

  /**
   * Where the endpoints' network interfaces go; one subnet per Availability Zone is used.
   * @default - the private subnets with egress, or the isolated subnets when there are none
   */
  readonly subnets?: ec2.SubnetSelection;

  /**
   * Whether to associate a private hosted zone so the service's default DNS name resolves to the
   * endpoints (needs the VPC's DNS support and DNS hostnames).
   * @default true
   */
  readonly privateDnsEnabled?: boolean;

  /**
   * The CIDR blocks the shared security group admits on TCP 443.
   * @default - every IPv4 and IPv6 block of the VPC, primary and secondary
   */
  readonly ingressCidrBlocks?: string[];

  /**
   * The policy of every endpoint of the set.
   * @default - AWS's default policy (full access through the endpoint; IAM still applies)
   */
  readonly policy?: EndpointPolicy;

  /**
   * The IP address type of the endpoints (IPv4, dual-stack, IPv6).
   * @default - not specified (CloudFormation's default, IPv4)
   */
  readonly ipAddressType?: ec2.VpcEndpointIpAddressType;

  /**
   * The DNS records created for the endpoints (A, AAAA or both); it must fit `ipAddressType`.
   * @default - not specified (CloudFormation's default)
   */
  readonly dnsRecordIpType?: ec2.VpcEndpointDnsRecordIpType;

  /**
   * The region of the services, when it is not the VPC's: cross-region interface endpoints
   * (AWS PrivateLink), in the VPC's partition, for the services AWS lists as cross-region enabled
   * ("Cross-region enabled AWS services": S3, IAM, ECR, KMS, ECS, Lambda, Data Firehose, Managed
   * Service for Apache Flink, Route 53). Whoever deploys needs the IAM permission
   * `vpce:AllowMultiRegion` besides `ec2:CreateVpcEndpoint`.
   * @default - the VPC's region
   */
  readonly serviceRegion?: string;

  /**
   * Short names of services AWS has enabled for cross-region access since the library's table was
   * read (e.g. `['sqs']`), accepted with `serviceRegion`.
   * @default - the library's table, plus the `cdk-private-connectivity:cross-region-services` context key
   */
  readonly crossRegionServices?: string[];
}

/** The port of every AWS service API. */
const HTTPS = 443;

/**
 * Interface VPC endpoints (AWS PrivateLink) for a list of AWS services, sharing one security
 * group that admits the VPC's CIDR blocks on TCP 443 only, in one subnet per Availability Zone,
 * with private DNS on.
 *
 * Each endpoint is a child named after its service (`Sns`, `SsmMessages`, `EcrDkr`); the shared
 * security group is `SecurityGroup`. The interface-endpoints-per-VPC quota is checked by the
 * connectivity graph. Interface endpoints bill per endpoint, per Availability Zone and hour, and
 * per GB processed.
 */
export class InterfaceEndpointSet extends Construct implements ec2.IConnectable {
  /** The VPC of the endpoints. */
  public readonly vpc: ec2.IVpc;
  /** The security group shared by every endpoint of the set. */
  public readonly securityGroup: ec2.ISecurityGroup;
  /** The endpoints, in the order of `services` (duplicates removed). */
  public readonly endpoints: ec2.IInterfaceVpcEndpoint[];
  /** The service names the endpoints were created for, in the order of `endpoints`. */
  public readonly serviceNames: string[];
  /** The subnets of the endpoints' network interfaces (one per Availability Zone). */
  public readonly subnets: ec2.ISubnet[];
  /**
   * The region of the services, when it is not the VPC's (cross-region endpoints).
   * @default - the VPC's region
   */
  public readonly serviceRegion?: string;

  /** The short names of `endpoints`' services, in their order. */
  private readonly shortNames: string[];
  private readonly sg: ec2.SecurityGroup;
  /** The security-group list and port the endpoints share (never changed after the constructor). */
  private readonly sharedGroups: ec2.ISecurityGroup[];
  private readonly port: ec2.Port;
  private setConnections?: ec2.Connections;

  constructor(scope: Construct, id: string, props: InterfaceEndpointSetProps) {
    super(scope, id);
    this.vpc = props.vpc;
    if (props.services.length === 0) {
      fail(this, Rules.ENDPOINT_NO_SERVICES, {
        prop: 'services',
        received: '[]',
        rule: 'an interface endpoint set creates one endpoint per service',
        fix: 'List at least one service, e.g. ...InterfaceEndpointService.SSM_SESSION_MANAGER.',
      });
    }

    const vpcStack = Stack.of(props.vpc);
    const region = vpcRegionOrWarn(this, props.vpc);
    const crossRegion = checkServiceRegion(this, props.serviceRegion, region);
    this.serviceRegion = crossRegion.serviceRegion;
    const extra = extraCrossRegionServices(this, props.crossRegionServices);
    const resolved = props.services.map((svc, i) => {
      const prop = `services[${i}]`;
      const parsed = checkedServiceName(this, prop, svc.name, 'sns');
      checkRegion(this, prop, svc.name, parsed.region, region, this.serviceRegion);
      if (this.serviceRegion === undefined) {
        return { shortName: parsed.shortName, serviceName: parsed.fullName ?? interfaceServiceName(vpcStack, parsed.shortName) };
      }
      const listed = this.checkCrossRegionService(prop, svc.name, parsed.shortName, crossRegion.checkServices, extra);
      return {
        shortName: parsed.shortName,
        serviceName: parsed.fullName ?? crossRegionServiceName(vpcStack, parsed.shortName, this.serviceRegion, listed?.global === true),
      };
    });
    checkDnsRecordIpType(this, props.ipAddressType, props.dnsRecordIpType);

    const privateDnsEnabled = props.privateDnsEnabled ?? true;
    if (privateDnsEnabled) this.checkVpcDns();

    // A copy sized to its content (the selection aws-cdk-lib returns keeps room to grow).
    this.subnets = this.selectEndpointSubnets(props.subnets).slice();
    checkSubnetIpTypes(this, this.subnets, props.ipAddressType);
    const ingress = props.ingressCidrBlocks?.map((text, i) => this.checkIngressBlock(text, i));

    this.sg = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      allowAllOutbound: false,
      description: 'HTTPS from the VPC to its interface endpoints',
    });
    this.securityGroup = this.sg;
    // One list and one port for the set and all its endpoints (neither is changed after this:
    // Connections copies the list, and a Port is immutable).
    const securityGroups = [this.sg];
    const port = ec2.Port.tcp(HTTPS);
    this.sharedGroups = securityGroups;
    this.port = port;
    if (ingress) {
      for (const block of ingress) this.admit(block.family, block.text);
    } else {
      // The VPC's blocks are read at synth, so secondary blocks added after this set count too.
      const self = this;
      const aspect: IAspect = { visit: (node: IConstruct) => { if (node === self) self.admitVpcBlocks(); } };
      Aspects.of(this).add(aspect);
    }

    const graph = ConnectivityGraph.of(this);
    const endpoints: InterfaceEndpointResource[] = [];
    const names: string[] = [];
    const shortNames: string[] = [];
    for (const svc of resolved) {
      const childId = serviceChildId(svc.shortName);
      if (this.node.tryFindChild(childId)) continue; // listed twice (e.g. in two presets): one endpoint
      const endpoint = new InterfaceEndpointResource(this, childId, {
        vpc: props.vpc,
        serviceName: svc.serviceName,
        securityGroups,
        port,
        subnets: this.subnets,
        privateDnsEnabled,
        ipAddressType: props.ipAddressType,
        dnsRecordIpType: props.dnsRecordIpType,
        serviceRegion: this.serviceRegion,
      });
      if (props.policy && !props.policy.isAllowAll) {
        const stack = Stack.of(this);
        // The service's resources are in its own region (the service region of a cross-region endpoint).
        const policyRegion = this.serviceRegion === undefined ? region : Token.isUnresolved(this.serviceRegion) ? undefined : this.serviceRegion;
        const rendered = props.policy._render({
          serviceShortName: svc.shortName,
          region: policyRegion,
          partition: policyRegion === undefined ? undefined : partitionOf(policyRegion),
          account: Token.isUnresolved(stack.account) ? undefined : stack.account,
        });
        for (const s of rendered.statements) endpoint.addToPolicy(s);
        this.checkStatements(svc.shortName, rendered.statements);
      }
      graph._addEndpoint({
        owner: endpoint, vpc: props.vpc, kind: EndpointKind.INTERFACE, serviceName: svc.serviceName, serviceRegion: this.serviceRegion,
      });
      shortNames.push(svc.shortName);
      endpoints.push(endpoint);
      names.push(svc.serviceName);
    }
    // Copies sized to their content (lists grown by push keep room to grow, and the app keeps them).
    const made = endpoints.slice();
    this.endpoints = made;
    this.serviceNames = names.slice();
    this.shortNames = shortNames.slice();

    // The layer bucket of a cross-region ECR endpoint is in the service region, out of reach of
    // the VPC's S3 gateway endpoints (which serve their own region only): nothing to check there.
    const checkEcrLayers = this.serviceRegion === undefined && this.shortNames.some((s) => ECR_SERVICES.includes(s));
    this.addSetValidation(made, checkEcrLayers, region);
  }

  /** The shared security group's connections (default port 443). */
  public get connections(): ec2.Connections {
    // Made when first read (an app that never reads it keeps no Connections of the set).
    this.setConnections ??= new ec2.Connections({ securityGroups: this.sharedGroups, defaultPort: this.port });
    return this.setConnections;
  }

  /** The endpoint of a service of this set, if the set has one. */
  public findEndpoint(service: InterfaceEndpointService): ec2.IInterfaceVpcEndpoint | undefined {
    const i = this.shortNames.indexOf(parseServiceName(service.name).shortName);
    return i < 0 ? undefined : this.endpoints[i];
  }

  /**
   * The set's synth-time checks. A method of its own, so that the closure keeps only what it reads
   * (a closure made in the constructor would keep the constructor's other captured values alive).
   */
  private addSetValidation(made: InterfaceEndpointResource[], checkEcrLayers: boolean, region: string | undefined): void {
    this.node.addValidation({
      validate: () => {
        if (checkEcrLayers) this.warnEcrLayersBlocked(region);
        return [
          ...made.flatMap(({ resource }) => checkPolicySize(resource, `policy of ${resource.node.path}`)),
          // As PrivateLinkEndpoint: no rule may admit 0.0.0.0/0 or ::/0, however it was added.
          ...openIngressProblems(this, this.sharedGroups,
            'Admit only the clients\' CIDR blocks or security groups (set.connections.allowFrom(...), or ingressCidrBlocks).'),
        ];
      },
    });
  }

  /**
   * What AWS refuses or never matches in an interface endpoint's policy statements (as gateway
   * endpoints' are checked, without the gateway-only Principal rule): errors refuse, warnings warn;
   * a token on a checked condition key warns unless its value is known at synth.
   */
  private checkStatements(shortName: string, statements: iam.PolicyStatement[]): void {
    const stack = Stack.of(this);
    const known = (token: string): string | undefined => {
      const text = normaliseServiceName(stack, token);
      return text.startsWith('{') || text.startsWith('[') || Token.isUnresolved(text) ? undefined : text;
    };
    const findings = inspectStatements(statements, {
      gateway: false,
      prop: (i) => `policy of the ${shortName} endpoint, statement ${i}`,
      known,
      render: (v) => stack.resolve(v),
    });
    for (const f of findings) {
      if (f.rule.severity === RuleSeverity.ERROR) fail(this, f.rule, f.details);
      warn(this, f.rule, f.details);
    }
  }

  /**
   * Refuse a service AWS does not list as cross-region enabled (when the service region is a
   * literal other region); the table entry, if any.
   */
  private checkCrossRegionService(prop: string, name: string, shortName: string, check: boolean, extra: string[]) {
    const partition = this.serviceRegion === undefined || Token.isUnresolved(this.serviceRegion) ? undefined : partitionOf(this.serviceRegion);
    const listed = crossRegionService(shortName, partition, extra);
    if (check && listed === undefined) {
      fail(this, Rules.ENDPOINT_CROSS_REGION_UNSUPPORTED, {
        prop,
        received: `${show(name)} with serviceRegion ${show(this.serviceRegion)}`,
        rule: `AWS lists these services as cross-region enabled${partition ? ` in partition ${partition}` : ''} (${CROSS_REGION_SERVICES_SOURCE}): ${crossRegionServiceNames(partition, extra).join(', ')}`,
      });
    }
    return listed;
  }

  /**
   * ECR image layers come from S3 through the VPC's S3 gateway endpoint (Amazon ECR User Guide,
   * "Amazon ECR interface VPC endpoints (AWS PrivateLink)"): warn for every S3 gateway endpoint
   * made outside a GatewayEndpointSet (which adds the statement itself) whose policy keeps them out.
   */
  private warnEcrLayersBlocked(region: string | undefined): void {
    for (const gw of s3GatewaysIn(indexApp(this), this.vpc.vpcId)) {
      if (gw.node.scopes.some((s) => s instanceof GatewayEndpointSet)) continue;
      const prop = `S3 gateway endpoint '${gw.node.path}' in the VPC of these ECR endpoints`;
      if (region === undefined) {
        warn(this, Rules.ENDPOINT_ECR_LAYERS_UNCHECKED, {
          prop,
          received: 'cannot be checked against the layer bucket: the VPC\'s region is a token (environment-agnostic stack)',
          rule: 'ECR image layers come from prod-<region>-starport-layer-bucket through that endpoint',
          fix: 'Give the stack an explicit env, or add EndpointPolicy.ecrImageLayersStatement() to the endpoint\'s policy; then acknowledge this warning.',
        });
        continue;
      }
      const partition = partitionOf(region)!;
      const arn = ecrLayerObjectsArn(partition, region);
      const result = evaluateLayerAccess(resolvedPolicy(gw), partition, region);
      if (result.access === LayerAccess.ALLOWED) continue;
      if (result.access === LayerAccess.MAYBE_DENIED) {
        warn(this, Rules.ENDPOINT_ECR_LAYERS_UNCHECKED, {
          prop,
          received: `has a Deny that may match s3:GetObject on ${arn} (statement ${show(result.statement)})`,
          rule: 'its conditions or values are only known at deploy time, and a matching Deny blocks image pulls',
        });
        continue;
      }
      warn(this, Rules.ENDPOINT_ECR_LAYERS_BLOCKED, {
        prop,
        received: result.access === LayerAccess.DENIED
          ? `denies s3:GetObject on ${arn} (statement ${show(result.statement)})`
          : `does not allow s3:GetObject on ${arn} to any principal`,
        rule: 'ECR image layers are downloaded from that bucket through the S3 endpoint, signed by ECR rather than a principal of your account or organization, so image pulls fail',
        fix: result.access === LayerAccess.DENIED
          ? 'Remove the Deny or narrow it so it does not match the layer bucket.'
          : `Add EndpointPolicy.ecrImageLayersStatement(${JSON.stringify(region)}) to the endpoint's policy (endpoint.addToPolicy(...)), or create the endpoint with a GatewayEndpointSet, which adds it.`,
      });
    }
  }

  /** Private DNS needs DNS support and DNS hostnames on the VPC (AWS PrivateLink guide, "DNS hostnames"). */
  private checkVpcDns(): void {
    const facts = readVpcFacts(this.vpc);
    const off = [facts.dnsSupport === false ? 'enableDnsSupport' : undefined, facts.dnsHostnames === false ? 'enableDnsHostnames' : undefined]
      .filter((x) => x !== undefined);
    if (off.length > 0) {
      fail(this, Rules.ENDPOINT_PRIVATE_DNS_VPC, {
        prop: 'privateDnsEnabled',
        received: `true, but ${facts.path} has ${off.join(' and ')} false`,
        rule: 'private DNS for an interface endpoint needs the VPC attributes enableDnsSupport and enableDnsHostnames',
      });
    }
    if (facts.dnsSupport === undefined || facts.dnsHostnames === undefined) {
      warnOnce(this, { scope: this.vpc }, Rules.ENDPOINT_PRIVATE_DNS_UNKNOWN, {
        prop: 'DNS attributes',
        received: 'of the imported VPC are unknown at synth',
        rule: 'private DNS for an interface endpoint needs the VPC attributes enableDnsSupport and enableDnsHostnames, so endpoint sets with privateDnsEnabled cannot be checked',
      });
    }
  }

  /** One subnet per AZ of the selection (default: private with egress, else isolated); refused when empty. */
  private selectEndpointSubnets(selection: ec2.SubnetSelection | undefined): ec2.ISubnet[] {
    const vpc = this.vpc;
    let chosen = selection;
    if (chosen === undefined) {
      if (vpc.privateSubnets.length > 0) chosen = { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS };
      else if (vpc.isolatedSubnets.length > 0) chosen = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };
    }
    const rule = 'interface endpoints need one subnet in at least one Availability Zone';
    if (chosen === undefined) {
      return fail(this, Rules.ENDPOINT_EMPTY_SUBNETS, {
        prop: 'subnets',
        received: `(default) finds no private or isolated subnet in ${vpc.node.path}`,
        rule,
        fix: 'Pass subnets explicitly (e.g. { subnetType: ec2.SubnetType.PUBLIC }), or add private subnets to the VPC.',
      });
    }
    let picked: ec2.SelectedSubnets;
    try {
      picked = vpc.selectSubnets({ ...chosen, onePerAz: true });
    } catch (e) {
      return fail(this, Rules.ENDPOINT_EMPTY_SUBNETS, {
        prop: 'subnets',
        received: `${describeSelection(chosen)} cannot be selected in ${vpc.node.path} (${(e as Error).message})`,
        rule,
      });
    }
    if (picked.subnets.length === 0 && !isPendingLookup(vpc)) {
      fail(this, Rules.ENDPOINT_EMPTY_SUBNETS, {
        prop: 'subnets',
        received: `${describeSelection(chosen)} selects no subnet in ${vpc.node.path}`,
        rule,
      });
    }
    // AWS PrivateLink guide: an interface endpoint has at most one subnet per Availability Zone
    // (`onePerAz` is not applied by aws-cdk-lib to explicitly listed subnets): refused, as
    // PrivateLinkEndpoint refuses it, rather than dropping the user's subnets without a word.
    const byZone = new Map<string, string[]>();
    for (const sn of picked.subnets) {
      const az = sn.availabilityZone;
      if (az === undefined || Token.isUnresolved(az)) continue;
      byZone.set(az, [...(byZone.get(az) ?? []), sn.node.path]);
    }
    for (const [zone, paths] of byZone) {
      if (paths.length > 1) {
        fail(this, Rules.PRIVATELINK_SUBNET_AZ_DUPLICATE, {
          prop: 'subnets',
          received: `selects ${paths.length} subnets in ${zone} (${paths.join(', ')})`,
          rule: 'an interface endpoint takes one subnet per Availability Zone',
        });
      }
    }
    return picked.subnets;
  }

  private checkIngressBlock(text: string, i: number): { family: IpFamily; text: string } {
    if (Token.isUnresolved(text)) return { family: IpFamily.IPV4, text };
    const parsed = tryParseCidr(text);
    if (!parsed.ok) fail(this, Rules.CIDR_INVALID, cidrProblem(`ingressCidrBlocks[${i}]`, text, parsed));
    return { family: parsed.block.family, text: parsed.block.cidr };
  }

  private admit(family: IpFamily, cidr: string): void {
    const peer = family === IpFamily.IPV6 ? ec2.Peer.ipv6(cidr) : ec2.Peer.ipv4(cidr);
    this.sg.addIngressRule(peer, ec2.Port.tcp(HTTPS), `HTTPS from ${family === IpFamily.IPV6 ? 'IPv6' : 'IPv4'} block of the VPC`);
  }

  /** Admit every block of the VPC: literal ones as they are, deploy-time ones by reference, unknown ones with a warning. */
  private admitVpcBlocks(): void {
    const index = indexApp(this);
    const facts = readVpcFacts(this.vpc, undefined, index);
    const unknownV6 = facts.cidrs.some((c) => c.family === IpFamily.IPV6 && c.block === undefined && c.text === '');
    const owned = this.vpc instanceof ec2.Vpc ? this.vpc : undefined;
    const v6Count = facts.cidrs.filter((c) => c.family === IpFamily.IPV6).length;
    if (unknownV6 && owned) {
      // Amazon-provided or IPAM IPv6 blocks: every entry of the VPC's Ipv6CidrBlocks attribute,
      // read once the blocks are associated.
      for (let k = 0; k < v6Count; k++) this.admit(IpFamily.IPV6, Fn.select(k, owned.vpcIpv6CidrBlocks));
      for (const block of index.cidrBlocks) {
        if (block.vpcId === this.vpc.vpcId && block.cidrBlock === undefined) this.sg.node.addDependency(block);
      }
    }
    for (const c of facts.cidrs) {
      if (c.family === IpFamily.IPV6 && unknownV6 && owned) continue;
      if (c.block !== undefined) {this.admit(c.family, c.block.cidr);} else if (c.text !== '') {this.admit(c.family, c.text);} else {
        warnOnce(this, { scope: this.vpc, key: `${c.source} ${c.family}` }, Rules.VPC_CIDR_UNKNOWN, {
          prop: `${c.source} ${c.family} block`,
          received: `is not given (${c.unknownReason ?? 'not known'})`,
          rule: 'interface endpoint sets cannot admit it in their security group',
          fix: 'Pass ingressCidrBlocks with every block that should reach the endpoints.',
        });
      }
    }
  }
}

function describeSelection(s: ec2.SubnetSelection): string {
  const parts = [
    s.subnetType !== undefined ? `subnetType: ${s.subnetType}` : undefined,
    s.subnetGroupName !== undefined ? `subnetGroupName: ${JSON.stringify(s.subnetGroupName)}` : undefined,
    s.availabilityZones !== undefined ? `availabilityZones: ${JSON.stringify(s.availabilityZones)}` : undefined,
    s.subnets !== undefined ? `subnets: ${s.subnets.length} given` : undefined,
  ].filter((x) => x !== undefined);
  return `{ ${parts.join(', ')} }`;
}
