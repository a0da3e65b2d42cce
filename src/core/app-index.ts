import { Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { IConstruct } from 'constructs';

/** A route found in the app's templates (ours or anyone's). */
export interface IndexedRoute {
  readonly resource: ec2.CfnRoute;
  readonly routeTableId: string;
  readonly family: 'ipv4' | 'ipv6';
  /** The destination (a CIDR literal, a token, or a prefix list ID). */
  readonly destination: string;
  readonly peeringConnectionId?: string;
}

/** What one walk over the app's constructs finds, so that validations walk the tree once. */
export interface AppIndex {
  readonly cidrBlocks: ec2.CfnVPCCidrBlock[];
  readonly routes: IndexedRoute[];
  readonly endpoints: ec2.CfnVPCEndpoint[];
}

/** Walk the whole app once and index the resources the validations count. */
export function indexApp(scope: IConstruct): AppIndex {
  const cidrBlocks: ec2.CfnVPCCidrBlock[] = [];
  const routes: IndexedRoute[] = [];
  const endpoints: ec2.CfnVPCEndpoint[] = [];
  for (const c of scope.node.root.node.findAll()) {
    if (c instanceof ec2.CfnVPCCidrBlock) {
      cidrBlocks.push(c);
    } else if (c instanceof ec2.CfnRoute) {
      // Routes per route table are counted per IP family (Amazon VPC quotas); a prefix-list route counts as IPv4.
      const v6 = c.destinationIpv6CidrBlock;
      routes.push({
        resource: c,
        routeTableId: c.routeTableId,
        family: v6 !== undefined ? 'ipv6' : 'ipv4',
        destination: v6 ?? c.destinationCidrBlock ?? c.destinationPrefixListId ?? '',
        peeringConnectionId: c.vpcPeeringConnectionId,
      });
    } else if (c instanceof ec2.CfnVPCEndpoint) {
      endpoints.push(c);
    }
  }
  return { cidrBlocks, routes, endpoints };
}

/** The endpoint type of an `AWS::EC2::VPCEndpoint` (CloudFormation's default is Gateway). */
export function endpointTypeOf(ep: ec2.CfnVPCEndpoint): string | undefined {
  const t = ep.vpcEndpointType;
  if (t === undefined) return 'Gateway';
  return Token.isUnresolved(t) ? undefined : t;
}

/** `account/region` of a construct's stack, or undefined when either is a token. */
export function envKey(scope: IConstruct): string | undefined {
  const s = Stack.of(scope);
  if (Token.isUnresolved(s.account) || Token.isUnresolved(s.region)) return undefined;
  return `${s.account}/${s.region}`;
}
