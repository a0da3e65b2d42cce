/** Service ports: validation and the security-group ports that admit them (internal). */
import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { IConstruct } from 'constructs';
import { PrivateLinkPort } from './service-reference';
import { fail } from '../core/errors';
import { Rules } from '../core/rules';
import { show } from '../core/warnings';

/** The listener protocols a Network Load Balancer supports. */
const NLB_PROTOCOLS = [elbv2.Protocol.TCP, elbv2.Protocol.TLS, elbv2.Protocol.UDP, elbv2.Protocol.TCP_UDP];

/** Throw unless every port is an integer 1–65535, appears once and has an NLB protocol. */
export function validatePorts(scope: IConstruct, prop: string, ports: readonly PrivateLinkPort[]): void {
  const seen = new Map<number, number>();
  ports.forEach((p, i) => {
    if (Token.isUnresolved(p.port)) return;
    if (!Number.isInteger(p.port) || p.port < 1 || p.port > 65535) {
      fail(scope, Rules.PRIVATELINK_LISTENER_PORT_INVALID, {
        prop: `${prop}[${i}].port`,
        received: show(p.port),
        rule: 'a port is an integer from 1 to 65535',
      });
    }
    if (p.protocol !== undefined && !NLB_PROTOCOLS.includes(p.protocol)) {
      fail(scope, Rules.PRIVATELINK_LISTENER_PROTOCOL_INVALID, {
        prop: `${prop}[${i}].protocol`,
        received: show(p.protocol),
        rule: 'a Network Load Balancer listens on TCP, TLS, UDP or TCP_UDP',
      });
    }
    const first = seen.get(p.port);
    if (first !== undefined) {
      fail(scope, Rules.PRIVATELINK_LISTENER_PORT_DUPLICATE, {
        prop: `${prop}[${i}].port`,
        received: `${p.port} (also ${prop}[${first}].port)`,
        rule: 'a Network Load Balancer has one listener per port',
      });
    }
    seen.set(p.port, i);
  });
}

/** The security-group ports that admit a service port: TCP, UDP or both. */
export function securityGroupPorts(p: PrivateLinkPort): ec2.Port[] {
  switch (p.protocol) {
    case elbv2.Protocol.UDP: return [ec2.Port.udp(p.port)];
    case elbv2.Protocol.TCP_UDP: return [ec2.Port.tcp(p.port), ec2.Port.udp(p.port)];
    default: return [ec2.Port.tcp(p.port)];
  }
}
