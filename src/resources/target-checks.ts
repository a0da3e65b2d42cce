/** Checks of resource targets and gateway settings against the VPC (internal). */
import { Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ResourceIpAddressType, ResourceTarget, ResourceTargetKind } from './resource-target';
import { fail } from '../core/errors';
import { Rules } from '../core/rules';
import { VpcFacts } from '../core/vpc-facts';
import { show, warn } from '../core/warnings';
import { CidrBlock, IpFamily } from '../net/cidr';
import { parseAddress } from '../net/ip-address';

/** The IP address type of a resource gateway. */
export enum ResourceGatewayIpAddressType {
  /** IPv4 addresses: subnets with IPv4 ranges, targets with IPv4 addresses. */
  IPV4 = 'IPV4',
  /** IPv6 addresses: IPv6-only subnets, targets with IPv6 addresses. */
  IPV6 = 'IPV6',
  /** IPv4 and IPv6 addresses: dual-stack subnets, targets of either family. */
  DUALSTACK = 'DUALSTACK',
}

// Resource configurations for VPC resources (Resource definition): "For IPv4, specify a private IP from
// the following ranges: 10.0.0.0/8, 100.64.0.0/10, 172.16.0.0/12, 192.168.0.0/16. For IPv6, specify an
// IP from the VPC. Public IPs aren't supported."
const PRIVATE_IPV4 = ['10.0.0.0/8', '100.64.0.0/10', '172.16.0.0/12', '192.168.0.0/16'].map((c) => CidrBlock.parse(c));

// A domain name: 3 to 255 characters (CreateResourceConfiguration DomainName), labels of letters,
// digits and hyphens, 1 to 63 characters, not starting or ending with a hyphen.
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

// Access VPC resources through AWS PrivateLink: "The only supported ARN-based resources are Amazon RDS resources."
const RDS_ARN = /^arn:[a-z0-9-]+:rds:[a-z0-9-]+:\d{12}:(db|cluster):.+$/;

/** Refuse a target AWS does not accept; warn when it is a token. */
export function checkTarget(scope: IConstruct, prop: string, target: ResourceTarget, facts: VpcFacts): void {
  if (target.isToken) {
    if (target.kind === ResourceTargetKind.ARN && rendersRdsArn(scope, target.value)) return;
    warn(scope, Rules.RESOURCE_UNCHECKED, {
      prop,
      received: target.toString(),
      rule: 'a target known only at deploy time is not checked against what AWS accepts',
    });
    return;
  }
  switch (target.kind) {
    case ResourceTargetKind.DNS_NAME: return checkDnsName(scope, prop, target.value);
    case ResourceTargetKind.IP_ADDRESS: return checkIp(scope, prop, target.value, facts);
    default:
      if (!RDS_ARN.test(target.value)) {
        fail(scope, Rules.RESOURCE_TARGET_ARN_INVALID, {
          prop,
          received: target.toString(),
          rule: 'the only ARN-based resources PrivateLink for VPC resources supports are Amazon RDS databases (arn:<partition>:rds:<region>:<account>:db:<name> or :cluster:<name>)',
        });
      }
  }
}

function checkDnsName(scope: IConstruct, prop: string, name: string): void {
  const labels = name.split('.');
  const problem = name.length < 3 || name.length > 255 ? `has ${name.length} characters; a domain name has 3 to 255`
    : labels.find((l) => !LABEL.test(l)) !== undefined ? `has the label ${JSON.stringify(labels.find((l) => !LABEL.test(l)))}, which is not 1-63 letters, digits or inner hyphens`
      : /^[0-9]+$/.test(labels[labels.length - 1]) ? 'is an IP address, not a domain name'
        : undefined;
  if (problem) {
    fail(scope, Rules.RESOURCE_TARGET_DNS_INVALID, {
      prop,
      received: `${show(name)} ${problem}`,
      rule: 'a domain-name target is a fully qualified domain name',
      fix: problem.startsWith('is an IP') ? `Use ResourceTarget.ipAddress(${JSON.stringify(name)}).` : undefined,
    });
  }
}

function checkIp(scope: IConstruct, prop: string, ip: string, facts: VpcFacts): void {
  const parsed = parseAddress(ip);
  if (!parsed.ok) {
    return fail(scope, Rules.RESOURCE_TARGET_IP_INVALID, { prop, received: `${show(ip)}: ${parsed.reason}`, rule: 'an IP target is an IPv4 or IPv6 address' });
  }
  const host = CidrBlock.parse(`${ip}/${parsed.bits}`);
  if (parsed.bits === 32) {
    if (!PRIVATE_IPV4.some((b) => b.contains(host))) {
      fail(scope, Rules.RESOURCE_TARGET_IP_INVALID, {
        prop,
        received: `${show(ip)} is not a private IPv4 address`,
        rule: 'an IPv4 target must be in 10.0.0.0/8, 100.64.0.0/10, 172.16.0.0/12 or 192.168.0.0/16; public IPs aren\'t supported',
      });
    }
    return;
  }
  const v6 = facts.cidrs.filter((c) => c.family === IpFamily.IPV6);
  if (facts.pendingLookup || v6.some((c) => !c.block)) {
    warn(scope, Rules.RESOURCE_UNCHECKED, {
      prop,
      received: `${show(ip)}: the IPv6 blocks of ${facts.path} are not known at synth`,
      rule: 'an IPv6 target must be an address of the provider VPC, which cannot be checked',
    });
    return;
  }
  if (!v6.some((c) => c.block!.contains(host))) {
    fail(scope, Rules.RESOURCE_TARGET_IP_INVALID, {
      prop,
      received: `${show(ip)} is not in the IPv6 blocks of ${facts.path} (${v6.map((c) => c.text).join(', ') || 'none'})`,
      rule: 'an IPv6 target must be an address from the provider VPC',
    });
  }
}

/** Whether a token ARN renders as an RDS ARN (e.g. `cluster.clusterArn`: a join with `:rds:`). */
function rendersRdsArn(scope: IConstruct, arn: string): boolean {
  const text = JSON.stringify(Stack.of(scope).resolve(arn));
  return text.includes(':rds:');
}

/** Refuse a target whose address family the gateway cannot reach ("Resource gateway in VPC Lattice", IP address types). */
export function checkAddressFamily(scope: IConstruct, prop: string, target: ResourceTarget, gateway: ResourceGatewayIpAddressType): void {
  if (target.kind === ResourceTargetKind.ARN || gateway === ResourceGatewayIpAddressType.DUALSTACK) return;
  if (target.kind === ResourceTargetKind.IP_ADDRESS && Token.isUnresolved(target.value)) return;
  const family = target.ipAddressType;
  const fits = (gateway === ResourceGatewayIpAddressType.IPV4) === (family === ResourceIpAddressType.IPV4);
  if (!fits) {
    fail(scope, Rules.RESOURCE_IP_ADDRESS_TYPE_MISMATCH, {
      prop,
      received: `${target.toString()} is ${family}, the resource gateway ${gateway}`,
      rule: 'an IPv4 gateway reaches only resources with an IPv4 address, an IPv6 gateway only resources with an IPv6 address',
      fix: 'Set ipAddressType: ResourceGatewayIpAddressType.DUALSTACK (dual-stack subnets), or give the target an address of the gateway\'s family.',
    });
  }
}
