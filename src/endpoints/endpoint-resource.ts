/**
 * The endpoints of the endpoint sets: a scope per service holding its `AWS::EC2::VPCEndpoint`
 * (child `Resource`), with the template aws-cdk-lib's `InterfaceVpcEndpoint` and
 * `GatewayVpcEndpoint` write, without their attribute tokens and per-endpoint `Connections`.
 *
 * Internal (not re-exported by index.ts): the sets expose them as `ec2.IInterfaceVpcEndpoint` and
 * `ec2.IGatewayVpcEndpoint`.
 */
import { RemovalPolicy, ResourceEnvironment, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { fail } from '../core/errors';
import { Rules } from '../core/rules';
import { show } from '../core/warnings';

/** The properties the sets give every endpoint. */
interface EndpointResourceProps {
  readonly vpc: ec2.IVpc;
  readonly serviceName: string;
  readonly ipAddressType?: ec2.VpcEndpointIpAddressType;
}

/** A VPC endpoint: its `AWS::EC2::VPCEndpoint` and the policy document it renders. */
abstract class EndpointResource extends Construct implements ec2.IVpcEndpoint {
  /** The `AWS::EC2::VPCEndpoint` (the default child). */
  public readonly resource: ec2.CfnVPCEndpoint;
  private document?: iam.PolicyDocument;

  protected constructor(scope: Construct, id: string, props: ec2.CfnVPCEndpointProps) {
    super(scope, id);
    this.resource = new ec2.CfnVPCEndpoint(this, 'Resource', props);
  }

  /** The stack of the endpoint. */
  public get stack(): Stack {
    return Stack.of(this);
  }

  /** The stack's account and region, as aws-cdk-lib's `Resource` gives them by default. */
  public get env(): ResourceEnvironment {
    const stack = this.stack;
    return { account: stack.account, region: stack.region };
  }

  /** The endpoint's ID (`Ref` of the `AWS::EC2::VPCEndpoint`). */
  public get vpcEndpointId(): string {
    return this.resource.ref;
  }

  /** A reference to the endpoint, as aws-cdk-lib's `VpcEndpoint` gives it. */
  public get vpcEndpointRef(): ec2.VPCEndpointReference {
    return { vpcEndpointId: this.vpcEndpointId };
  }

  /** Apply the removal policy to the `AWS::EC2::VPCEndpoint`. */
  public applyRemovalPolicy(policy: RemovalPolicy): void {
    this.resource.applyRemovalPolicy(policy);
  }

  /**
   * Add a statement to the endpoint's policy document. As aws-cdk-lib's `VpcEndpoint.addToPolicy`,
   * the statement must name a principal, and the document is created with the first statement
   * (without one, the endpoint has no `PolicyDocument` and AWS attaches its default).
   */
  public addToPolicy(statement: iam.PolicyStatement): void {
    if (!statement.hasPrincipal) {
      fail(this, Rules.ENDPOINT_POLICY_INVALID, {
        prop: 'policy statement',
        received: show(statement.toStatementJson()),
        rule: 'an endpoint policy statement must contain a Principal element',
        fix: 'Add a principal to the statement (statement.addAnyPrincipal() plus conditions, or specific principals).',
      });
    }
    if (this.document === undefined) {
      this.document = new iam.PolicyDocument();
      // Rendered when the template is (a PolicyDocument is a token), as the L2's lazy document is.
      this.resource.policyDocument = this.document;
    }
    this.document.addStatements(statement);
  }
}

/** The properties of an interface endpoint of an InterfaceEndpointSet. */
export interface InterfaceEndpointResourceProps extends EndpointResourceProps {
  /** The set's security groups (one, shared by every endpoint of the set). */
  readonly securityGroups: ec2.ISecurityGroup[];
  /** The endpoint's port (443). */
  readonly port: ec2.Port;
  readonly subnets: ec2.ISubnet[];
  readonly privateDnsEnabled: boolean;
  readonly dnsRecordIpType?: ec2.VpcEndpointDnsRecordIpType;
  readonly serviceRegion?: string;
}

/**
 * An interface endpoint of an InterfaceEndpointSet: the `AWS::EC2::VPCEndpoint` aws-cdk-lib's
 * `InterfaceVpcEndpoint` writes for the set's security group (with `open: false`), and connections
 * of its own over that security group, made when first read.
 */
export class InterfaceEndpointResource extends EndpointResource implements ec2.IInterfaceVpcEndpoint {
  private readonly securityGroups: ec2.ISecurityGroup[];
  private readonly port: ec2.Port;
  private ownConnections?: ec2.Connections;

  constructor(scope: Construct, id: string, props: InterfaceEndpointResourceProps) {
    super(scope, id, {
      privateDnsEnabled: props.privateDnsEnabled,
      securityGroupIds: props.securityGroups.map((sg) => sg.securityGroupId),
      serviceName: props.serviceName,
      vpcEndpointType: ec2.VpcEndpointType.INTERFACE,
      // What vpc.selectSubnets({ subnets, onePerAz: true }).subnetIds gives for listed subnets.
      subnetIds: props.subnets.map((s) => s.subnetId),
      vpcId: props.vpc.vpcId,
      ipAddressType: props.ipAddressType,
      dnsOptions: props.dnsRecordIpType === undefined ? undefined : { dnsRecordIpType: props.dnsRecordIpType },
      // The L2 leaves ServiceRegion out when it is not given.
      ...(props.serviceRegion ? { serviceRegion: props.serviceRegion } : {}),
    });
    this.securityGroups = props.securityGroups;
    this.port = props.port;
  }

  /**
   * The endpoint's connections: the set's security group, default port 443. Its own object, as
   * each aws-cdk-lib `InterfaceVpcEndpoint` has one (adding a security group to it leaves the
   * set's and the other endpoints' connections alone); rules go to the shared security group.
   */
  public get connections(): ec2.Connections {
    this.ownConnections ??= new ec2.Connections({ securityGroups: [...this.securityGroups], defaultPort: this.port });
    return this.ownConnections;
  }
}

/** The properties of a gateway endpoint of a GatewayEndpointSet. */
export interface GatewayEndpointResourceProps extends EndpointResourceProps {
  /** The route tables, in the order aws-cdk-lib's `GatewayVpcEndpoint` lists them. */
  readonly routeTableIds: string[];
}

/** A gateway endpoint of a GatewayEndpointSet: the `AWS::EC2::VPCEndpoint` aws-cdk-lib's `GatewayVpcEndpoint` writes. */
export class GatewayEndpointResource extends EndpointResource implements ec2.IGatewayVpcEndpoint {
  constructor(scope: Construct, id: string, props: GatewayEndpointResourceProps) {
    super(scope, id, {
      routeTableIds: props.routeTableIds,
      serviceName: props.serviceName,
      vpcEndpointType: ec2.VpcEndpointType.GATEWAY,
      vpcId: props.vpc.vpcId,
      ipAddressType: props.ipAddressType,
    });
  }
}

/**
 * The route table IDs of the subnets in the order aws-cdk-lib's `GatewayVpcEndpoint` lists them:
 * the selections' subnets in turn (default: private, public, then isolated subnets), each route
 * table once.
 */
export function gatewayRouteTableIds(vpc: ec2.IVpc, selections: ec2.SubnetSelection[] | undefined): string[] {
  const subnets = selections
    ? selections.flatMap((s) => vpc.selectSubnets(s).subnets)
    : [...vpc.privateSubnets, ...vpc.publicSubnets, ...vpc.isolatedSubnets];
  const ids = new Set<string>();
  for (const subnet of subnets) {
    const id = subnet.routeTable?.routeTableId;
    if (id) ids.add(id);
  }
  return [...ids];
}
