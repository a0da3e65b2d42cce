/**
 * Security groups of interface endpoints that admit the whole internet (internal), one check for
 * every construct that makes interface endpoints (PrivateLinkEndpoint, InterfaceEndpointSet).
 */
import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { IConstruct } from 'constructs';
import { formatProblem } from './errors';
import { Rules } from './rules';

interface IngressRule {
  readonly cidrIp?: unknown;
  readonly cidrIpv6?: unknown;
  readonly fromPort?: unknown;
  readonly toPort?: unknown;
}

const isOpen = (r: IngressRule) => r.cidrIp === '0.0.0.0/0' || r.cidrIpv6 === '::/0';

/**
 * One `privatelink-endpoint-sg-open` problem per rule admitting 0.0.0.0/0 or ::/0 on a security
 * group of this app among `securityGroups`, however it was added: inline on the group, or as an
 * `AWS::EC2::SecurityGroupIngress` anywhere in the app (another stack too). Imported groups are
 * not visible here: the caller warns about them. For `node.addValidation`.
 */
export function openIngressProblems(scope: IConstruct, securityGroups: readonly ec2.ISecurityGroup[], fix?: string): string[] {
  const errors: string[] = [];
  const report = (sg: IConstruct, r: IngressRule) =>
    errors.push(formatProblem(scope, Rules.PRIVATELINK_ENDPOINT_SG_OPEN, {
      prop: `security group ${sg.node.path}`,
      received: `admits ${String(r.cidrIp ?? r.cidrIpv6)} on ports ${String(r.fromPort)}-${String(r.toPort)}`,
      rule: 'an interface endpoint is reachable by every address its security groups admit',
      fix,
    }));
  const byId = new Map<string, ec2.ISecurityGroup>();
  for (const sg of securityGroups) {
    byId.set(sg.securityGroupId, sg);
    const cfn = sg.node.defaultChild;
    if (!(cfn instanceof ec2.CfnSecurityGroup)) continue;
    const inline = Stack.of(sg).resolve(cfn.securityGroupIngress) as IngressRule[] | undefined;
    for (const r of inline ?? []) if (isOpen(r)) report(sg, r);
  }
  for (const c of scope.node.root.node.findAll()) {
    if (!(c instanceof ec2.CfnSecurityGroupIngress)) continue;
    const sg = byId.get(c.groupId ?? '');
    if (sg && isOpen(c)) report(sg, c);
  }
  return errors;
}
