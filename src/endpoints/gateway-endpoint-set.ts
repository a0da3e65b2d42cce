import { Aspects, IAspect, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct, IConstruct } from 'constructs';
import { ecrEndpointsIn, ecrLayerObjectsArn, ecrLayerStatement, evaluateLayerAccess, LayerAccess, resolvedPolicy } from './ecr-layers';
import { EndpointPolicy } from './endpoint-policy';
import { GatewayEndpointResource, gatewayRouteTableIds } from './endpoint-resource';
import { duplicateGatewayProblems, warnEdgeToEdge } from './gateway-checks';
import { checkPolicySize } from './policy-size';
import { inspectStatements } from './policy-statements';
import { checkedServiceName, checkRegion, vpcRegionOrWarn, gatewayServiceName, normaliseServiceName, parseServiceName, serviceChildId } from './service-name';
import { GatewayEndpointService } from './services';
import { indexApp } from '../core/app-index';
import { fail } from '../core/errors';
import { ConnectivityGraph, EndpointKind } from '../core/graph';
import { Rules, RuleSeverity } from '../core/rules';
import { isPendingLookup, selectRouteTables, SelectedRouteTable } from '../core/vpc-facts';
import { show, warn } from '../core/warnings';
import { partitionOf } from '../net/regions';

/** Properties of a {@link GatewayEndpointSet}. */
export interface GatewayEndpointSetProps {
  /** The VPC whose route tables get the endpoints' routes. */
  readonly vpc: ec2.IVpc;

  /**
   * The services, one gateway endpoint each.
   * @default [GatewayEndpointService.S3, GatewayEndpointService.DYNAMODB]
   */
  readonly services?: GatewayEndpointService[];

  /**
   * The subnets whose route tables get a route to each service (route tables are deduplicated).
   * @default - every subnet of the VPC (public, private and isolated)
   */
  readonly subnets?: ec2.SubnetSelection[];

  /**
   * The policy of every endpoint of the set.
   * @default - AWS's default policy (full access), with a `endpoint-policy-full-access` warning;
   *   pass `EndpointPolicy.allowAll()` to choose it explicitly
   */
  readonly policy?: EndpointPolicy;

  /**
   * The IP address type of the endpoints (IPv4, dual-stack, IPv6).
   * @default - not specified (CloudFormation's default, IPv4)
   */
  readonly ipAddressType?: ec2.VpcEndpointIpAddressType;

  /**
   * Whether the S3 endpoint's policy also lets ECR image layers through: `s3:GetObject` on
   * `prod-<region>-starport-layer-bucket`, any principal, added when `policy` does not already
   * allow it. `true` adds it whenever the policy needs it (ECR reached through a NAT gateway or
   * through endpoints made outside this app); `false` never adds it.
   * @default - added when the app gives the same VPC ECR interface endpoints (`ecr.api` or `ecr.dkr`)
   */
  readonly allowEcrImageLayers?: boolean;
}

/** The short names of the services that have gateway endpoints (AWS PrivateLink guide, "Gateway endpoints"). */
const GATEWAY_SERVICES = ['s3', 'dynamodb', 's3express'];

/**
 * Gateway VPC endpoints (S3, DynamoDB, S3 Express One Zone) on the route tables of a VPC, so
 * that private subnets reach those services without a NAT gateway or internet gateway.
 *
 * One `AWS::EC2::VPCEndpoint` per service, named after the service (`S3`, `Dynamodb`), attached
 * to the deduplicated route tables of the selected subnets. Refused at synth: a service without
 * gateway endpoints, a service name for another region than the VPC's, an empty subnet selection,
 * two gateway endpoints for one service on one route table (anywhere in the app) and a policy over
 * 20,480 characters; quotas are checked by the connectivity graph.
 */
export class GatewayEndpointSet extends Construct {
  /** The VPC of the endpoints. */
  public readonly vpc: ec2.IVpc;
  /** The endpoints, in the order of `services`. */
  public readonly endpoints: ec2.IGatewayVpcEndpoint[];
  /** The route tables the endpoints are attached to (deduplicated). */
  public readonly routeTableIds: string[];
  /** The service names the endpoints were created for, in the order of `endpoints`. */
  public readonly serviceNames: string[];

  /** The short names of `endpoints`' services, in their order. */
  private readonly shortNames: string[];
  /** `endpoints`, as the set made them. */
  private readonly made: GatewayEndpointResource[];

  constructor(scope: Construct, id: string, props: GatewayEndpointSetProps) {
    super(scope, id);
    this.vpc = props.vpc;
    const services = props.services ?? [GatewayEndpointService.S3, GatewayEndpointService.DYNAMODB];
    if (services.length === 0) {
      fail(this, Rules.ENDPOINT_NO_SERVICES, {
        prop: 'services',
        received: '[]',
        rule: 'a gateway endpoint set creates one endpoint per service',
      });
    }

    const region = vpcRegionOrWarn(this, props.vpc);
    const resolved = services.map((s, i) => resolveGatewayService(this, s, i, region));

    const tables = routeTablesOrFail(this, props.vpc, props.subnets);
    this.routeTableIds = tables.map((t) => t.routeTableId);

    if (props.policy === undefined) {
      warn(this, Rules.ENDPOINT_POLICY_FULL_ACCESS, {
        prop: 'policy',
        received: '(not given)',
        rule: 'without a policy AWS attaches its default, which lets any principal reach any bucket or table of the region through the endpoint (AWS PrivateLink guide, "Control access to VPC endpoints using endpoint policies")',
      });
    }

    const graph = ConnectivityGraph.of(this);
    const endpoints: GatewayEndpointResource[] = [];
    const names: string[] = [];
    const shortNames: string[] = [];
    const cfnRouteTableIds = gatewayRouteTableIds(props.vpc, props.subnets);
    for (const svc of resolved) {
      if (shortNames.includes(svc.shortName)) continue; // listed twice: one endpoint
      const endpoint = new GatewayEndpointResource(this, serviceChildId(svc.shortName), {
        vpc: props.vpc,
        serviceName: svc.serviceName,
        routeTableIds: cfnRouteTableIds,
        ipAddressType: props.ipAddressType,
      });
      this.applyPolicy(endpoint, svc.shortName, props.policy, region);
      graph._addEndpoint({
        owner: endpoint,
        vpc: props.vpc,
        kind: EndpointKind.GATEWAY,
        serviceName: svc.serviceName,
        routeTableIds: this.routeTableIds,
      });
      shortNames.push(svc.shortName);
      endpoints.push(endpoint);
      names.push(svc.serviceName);
    }
    // Copies sized to their content (lists grown by push keep room to grow, and the app keeps them).
    this.made = endpoints.slice();
    this.endpoints = this.made;
    this.serviceNames = names.slice();
    this.shortNames = shortNames.slice();

    const s3 = this.endpointOf('s3');
    if (s3 && props.policy !== undefined && !props.policy.isAllowAll && props.allowEcrImageLayers !== false) {
      // Decided once the whole app exists: ECR endpoints may be added to the VPC after this set.
      const self = this;
      const always = props.allowEcrImageLayers === true;
      const aspect: IAspect = { visit: (node: IConstruct) => { if (node === self) self.keepEcrPullsWorking(s3, region, always); } };
      Aspects.of(this).add(aspect);
    }

    this.node.addValidation({ validate: () => this.validateInApp() });
  }

  /** The endpoint of a service of this set, if the set has one. */
  public findEndpoint(service: GatewayEndpointService): ec2.IGatewayVpcEndpoint | undefined {
    return this.endpointOf(parseServiceName(service.name).shortName);
  }

  private endpointOf(shortName: string): GatewayEndpointResource | undefined {
    const i = this.shortNames.indexOf(shortName);
    return i < 0 ? undefined : this.made[i];
  }

  private applyPolicy(endpoint: GatewayEndpointResource, shortName: string, policy: EndpointPolicy | undefined, region: string | undefined): void {
    if (policy === undefined || policy.isAllowAll) return;
    const stack = Stack.of(this);
    const rendered = policy._render({
      serviceShortName: shortName,
      region,
      partition: region === undefined ? undefined : partitionOf(region),
      account: Token.isUnresolved(stack.account) ? undefined : stack.account,
      gateway: true,
    });
    for (const s of rendered.statements) endpoint.addToPolicy(s);
    this.checkStatements(shortName, rendered.statements);
    this.checkResourceRegions(shortName, policy, rendered.statements, region);
    if (rendered.unrestricted) {
      warn(this, Rules.ENDPOINT_POLICY_FULL_ACCESS, {
        prop: `policy of the ${shortName} endpoint`,
        received: 'restricts nothing that applies to this service (only bucket or table restrictions for another service)',
        rule: 'the endpoint is left open to any principal, action and resource of the service',
      });
    }
  }

  /** What AWS refuses, never matches, or reads otherwise in a gateway endpoint's statements. */
  private checkStatements(shortName: string, statements: iam.PolicyStatement[]): void {
    const stack = Stack.of(this);
    const known = (token: string): string | undefined => {
      const text = normaliseServiceName(stack, token);
      return text.startsWith('{') || text.startsWith('[') || Token.isUnresolved(text) ? undefined : text;
    };
    const findings = inspectStatements(statements, { gateway: true, prop: (i) => `policy of the ${shortName} endpoint, statement ${i}`, known, render: (v) => stack.resolve(v) });
    for (const f of findings) {
      if (f.rule.severity === RuleSeverity.ERROR) fail(this, f.rule, f.details);
      warn(this, f.rule, f.details);
    }
  }

  /**
   * A gateway endpoint reaches buckets and tables of its own region only (AWS PrivateLink guide,
   * "Gateway endpoints for Amazon S3" / "Gateway endpoints for Amazon DynamoDB": "Be sure to
   * create your gateway endpoint in the same Region as your S3 buckets / DynamoDB tables").
   */
  private checkResourceRegions(shortName: string, policy: EndpointPolicy, statements: iam.PolicyStatement[], region: string | undefined): void {
    if (region === undefined) return; // the VPC's region is a token: vpcRegionOrWarn has said so
    const { buckets, tables } = policy._resources();
    const named: Array<[string, string, string | undefined]> = []; // [kind, what, region]
    if (shortName === 's3') for (const b of buckets) named.push(['bucket', b.node.path, b.env.region]);
    if (shortName === 'dynamodb') {
      for (const t of tables) named.push(['table', t.node.path, t.env.region]);
      for (const st of statements) {
        const res: unknown = st.toStatementJson().Resource;
        for (const arn of typeof res === 'string' ? [res] : Array.isArray(res) ? res : []) {
          const parts = typeof arn === 'string' && !Token.isUnresolved(arn) ? arn.split(':') : [];
          if (parts[0] === 'arn' && parts[2] === 'dynamodb' && parts[3]) named.push(['table', arn, parts[3]]);
        }
      }
    }
    for (const [kind, what, r] of named) {
      const prop = `policy of the ${shortName} endpoint`;
      if (r === undefined || Token.isUnresolved(r)) {
        warn(this, Rules.ENDPOINT_GATEWAY_RESOURCE_REGION_UNKNOWN, {
          prop,
          received: `is restricted to ${kind} ${what}, whose region is a token`,
          rule: `a gateway endpoint in ${region} reaches ${kind}s of ${region} only, and this one's region is not checked`,
        });
      } else if (r !== region && !r.includes('*')) {
        fail(this, Rules.ENDPOINT_GATEWAY_RESOURCE_REGION, {
          prop,
          received: `is restricted to ${kind} ${what} in ${r}`,
          rule: `a gateway endpoint in ${region} reaches ${kind}s of its own region only (AWS PrivateLink guide, "Gateway endpoints for Amazon ${shortName === 's3' ? 'S3' : 'DynamoDB'}")`,
        });
      }
    }
  }

  /**
   * An S3 endpoint whose policy keeps ECR's image layers out breaks image pulls in its VPC (the
   * layers are downloaded from S3 with ECR's signature, not a principal of the account or
   * organization): add the one statement that lets them through, unless the policy already does.
   */
  private keepEcrPullsWorking(endpoint: GatewayEndpointResource, region: string | undefined, always: boolean): void {
    const ecr = ecrEndpointsIn(indexApp(this), this.vpc.vpcId);
    if (!always && ecr.length === 0) return;
    const why = always ? 'allowEcrImageLayers is true' : `the VPC has ECR interface endpoints (${ecr.map((e) => e.node.path).join(', ')})`;
    const prop = `policy of the s3 endpoint (${why})`;
    if (region === undefined) {
      endpoint.addToPolicy(ecrLayerStatement(undefined));
      warn(this, Rules.ENDPOINT_ECR_LAYERS_UNCHECKED, {
        prop,
        received: 'cannot be checked against the layer bucket: the VPC\'s region is a token (environment-agnostic stack)',
        rule: 'ECR image layers come from prod-<region>-starport-layer-bucket, so the statement that lets them through was added with AWS::Region and AWS::Partition',
      });
      return;
    }
    const arn = ecrLayerObjectsArn(partitionOf(region)!, region);
    const result = evaluateLayerAccess(resolvedPolicy(endpoint.resource), partitionOf(region)!, region);
    if (result.access === LayerAccess.ALLOWED) return;
    if (result.access === LayerAccess.DENIED) {
      warn(this, Rules.ENDPOINT_ECR_LAYERS_BLOCKED, {
        prop,
        received: `denies s3:GetObject on ${arn} (statement ${show(result.statement)})`,
        rule: 'ECR image layers are downloaded from that bucket through the S3 endpoint, and an explicit Deny cannot be lifted by an Allow',
        fix: 'Remove the Deny or narrow it so it does not match the layer bucket, or set allowEcrImageLayers: false to keep pulls blocked deliberately.',
      });
      return;
    }
    endpoint.addToPolicy(ecrLayerStatement(region));
    if (result.access === LayerAccess.MAYBE_DENIED) {
      warn(this, Rules.ENDPOINT_ECR_LAYERS_UNCHECKED, {
        prop,
        received: `has a Deny that may match s3:GetObject on ${arn} (statement ${show(result.statement)})`,
        rule: 'its conditions or values are only known at deploy time; the statement that lets the layers through was added, but a matching Deny wins over it',
      });
    }
  }

  private validateInApp(): string[] {
    const index = indexApp(this);
    const mine = this.made.map((e) => e.resource);
    const problems: string[] = [];
    for (const cfn of mine) problems.push(...checkPolicySize(cfn, `policy of ${cfn.node.path}`));
    problems.push(...duplicateGatewayProblems(this, mine, index, (ep) => ep.node.scopes.some((s) => s instanceof GatewayEndpointSet)));
    warnEdgeToEdge(this, this.vpc, index);
    return problems;
  }
}

/** A service checked and named for the VPC's region. */
interface ResolvedService {
  readonly shortName: string;
  readonly serviceName: string;
}

function resolveGatewayService(scope: Construct, service: GatewayEndpointService, i: number, region: string | undefined): ResolvedService {
  const prop = `services[${i}]`;
  const parsed = checkedServiceName(scope, prop, service.name, 's3');
  if (!GATEWAY_SERVICES.includes(parsed.shortName)) {
    fail(scope, Rules.ENDPOINT_GATEWAY_UNSUPPORTED, {
      prop,
      received: show(service.name),
      rule: 'only S3, DynamoDB and S3 Express One Zone have gateway endpoints (AWS PrivateLink guide, "Gateway endpoints")',
      fix: `Use an InterfaceEndpointSet with InterfaceEndpointService.of(${JSON.stringify(parsed.shortName)}) for this service.`,
    });
  }
  checkRegion(scope, prop, service.name, parsed.region, region);
  return { shortName: parsed.shortName, serviceName: parsed.fullName ?? gatewayServiceName(parsed.shortName, region) };
}

/** The route tables of the selection; refused when it selects none. */
function routeTablesOrFail(scope: Construct, vpc: ec2.IVpc, subnets: ec2.SubnetSelection[] | undefined): SelectedRouteTable[] {
  let tables: SelectedRouteTable[];
  try {
    tables = selectRouteTables(scope, 'subnets', vpc, subnets);
  } catch (e) {
    if ((e as Error).name === 'ConnectivityError') throw e;
    return fail(scope, Rules.ENDPOINT_EMPTY_SUBNETS, {
      prop: 'subnets',
      received: `cannot be selected in ${vpc.node.path} (${(e as Error).message})`,
      rule: 'gateway endpoints are attached to the route tables of the selected subnets',
    });
  }
  if (tables.length === 0 && !isPendingLookup(vpc)) {
    fail(scope, Rules.ENDPOINT_EMPTY_SUBNETS, {
      prop: 'subnets',
      received: `select no subnet with a route table in ${vpc.node.path}`,
      rule: 'gateway endpoints are attached to the route tables of the selected subnets',
    });
  }
  return tables;
}
