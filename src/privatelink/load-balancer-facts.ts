/** Facts of a load balancer given to a PrivateLinkService, checked where they are known (internal). */
import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { IConstruct } from 'constructs';
import { fail, formatProblem } from '../core/errors';
import { Rules } from '../core/rules';
import { show, warn } from '../core/warnings';
import { FIXED_QUOTAS } from '../net/quota-table';

// Elastic Load Balancing ARNs: ...:loadbalancer/app/<name>/<id> (Application), /net/ (Network), /gwy/ (Gateway).
const LOAD_BALANCER_ARN = /^arn:[a-z-]+:elasticloadbalancing:[a-z0-9-]*:[0-9]*:loadbalancer\/(app|net|gwy)\/[^/]+\/[^/]+$/;
const TYPE_NAMES: Record<string, string> = { app: 'an Application Load Balancer', net: 'a Network Load Balancer', gwy: 'a Gateway Load Balancer' };

/** Whether two VPCs are the same: true, false, or undefined when it cannot be told at synth. */
export function sameVpc(a: ec2.IVpc, b: ec2.IVpc): boolean | undefined {
  if (a === b || a.vpcId === b.vpcId) return true;
  if (!Token.isUnresolved(a.vpcId) && !Token.isUnresolved(b.vpcId)) return false;
  // Two VPCs this app creates are two VPCs.
  if (a.node.defaultChild instanceof ec2.CfnVPC && b.node.defaultChild instanceof ec2.CfnVPC) return false;
  return undefined;
}

/**
 * Refuse a load balancer that is not a Network Load Balancer or is in another VPC, warn for an
 * internet-facing one, and name in one warning the facts of an imported one that stay unchecked.
 */
export function checkGivenLoadBalancer(scope: IConstruct, lb: elbv2.INetworkLoadBalancer, vpc: ec2.IVpc): void {
  const unchecked: string[] = [];
  const cfn = lb.node.defaultChild instanceof elbv2.CfnLoadBalancer ? lb.node.defaultChild : undefined;

  // ---- type: AWS::EC2::VPCEndpointService NetworkLoadBalancerArns takes Network Load Balancers only ----
  if (cfn) {
    // AWS::ElasticLoadBalancingV2::LoadBalancer Type: "The default is application".
    const type = cfn.type ?? 'application';
    if (!Token.isUnresolved(type) && type !== 'network') {
      fail(scope, Rules.PRIVATELINK_LOAD_BALANCER_TYPE, {
        prop: 'loadBalancer',
        received: `${lb.node.path} has Type ${show(type)}`,
        rule: 'an endpoint service for interface endpoints is fronted by Network Load Balancers (NetworkLoadBalancerArns)',
      });
    }
  } else if (Token.isUnresolved(lb.loadBalancerArn)) {
    unchecked.push('its type (the ARN is a token)');
  } else {
    const m = LOAD_BALANCER_ARN.exec(lb.loadBalancerArn);
    if (!m || m[1] !== 'net') {
      fail(scope, Rules.PRIVATELINK_LOAD_BALANCER_TYPE, {
        prop: 'loadBalancer',
        received: `${show(lb.loadBalancerArn)} is ${m ? TYPE_NAMES[m[1]] : 'not a load balancer ARN'}`,
        rule: 'an endpoint service for interface endpoints is fronted by Network Load Balancers (arn:...:loadbalancer/net/<name>/<id>)',
      });
    }
  }

  // ---- scheme: "Create a service powered by AWS PrivateLink" asks for a Network Load Balancer, of either scheme ----
  if (cfn) {
    // AWS::ElasticLoadBalancingV2::LoadBalancer Scheme: "The default is an Internet-facing load balancer".
    const scheme = cfn.scheme ?? 'internet-facing';
    if (Token.isUnresolved(scheme)) {
      unchecked.push('its scheme (a token)');
    } else if (scheme === 'internet-facing') {
      warn(scope, Rules.PRIVATELINK_LOAD_BALANCER_INTERNET_FACING, {
        prop: 'loadBalancer',
        received: `${lb.node.path} is internet-facing`,
        rule: 'an internet-facing Network Load Balancer answers clients on the internet as well as PrivateLink consumers, whom allowed principals and acceptance do not cover',
      });
    }
  } else {
    unchecked.push('its scheme (internal or internet-facing)');
  }

  // ---- VPC: the service's vpc is where its targets, egress rules and graph node are ----
  if (lb.vpc === undefined) {
    unchecked.push('its VPC (imported without vpc)');
  } else {
    const same = sameVpc(lb.vpc, vpc);
    if (same === false) {
      fail(scope, Rules.PRIVATELINK_LOAD_BALANCER_VPC, {
        prop: 'loadBalancer',
        received: `${lb.node.path} is in ${lb.vpc.node.path}, the service's vpc is ${vpc.node.path}`,
        rule: 'a PrivateLinkService registers targets, opens security groups and records consumers in its vpc, the load balancer\'s VPC',
      });
    } else if (same === undefined) {
      unchecked.push(`whether its VPC ${lb.vpc.node.path} is the service's vpc ${vpc.node.path}`);
    }
  }

  if (!cfn) {
    unchecked.push(`the listeners it already has (at most ${FIXED_QUOTAS.listenersPerNetworkLoadBalancer.value} in all)`);
    warn(scope, Rules.PRIVATELINK_LOAD_BALANCER_UNKNOWN, {
      prop: 'loadBalancer',
      received: `${lb.node.path} is imported; unchecked: ${unchecked.join(', ')}`,
      rule: 'facts of an imported load balancer are not visible at synth',
    });
  } else if (unchecked.length > 0) {
    warn(scope, Rules.PRIVATELINK_LOAD_BALANCER_UNKNOWN, {
      prop: 'loadBalancer',
      received: `${lb.node.path}: unchecked: ${unchecked.join(', ')}`,
      rule: 'these facts of the load balancer are not known at synth',
    });
  }
}

/**
 * The listener quota of a Network Load Balancer: every `AWS::ElasticLoadBalancingV2::Listener` of
 * the app on it counts ("Quotas for your Network Load Balancers": 50, not adjustable).
 */
export function listenerQuotaProblems(scope: IConstruct, lb: elbv2.INetworkLoadBalancer): string[] {
  const quota = FIXED_QUOTAS.listenersPerNetworkLoadBalancer;
  const listeners = scope.node.root.node.findAll()
    .filter((c): c is elbv2.CfnListener => c instanceof elbv2.CfnListener && c.loadBalancerArn === lb.loadBalancerArn);
  if (listeners.length <= quota.value) return [];
  return [formatProblem(scope, Rules.PRIVATELINK_LISTENER_QUOTA, {
    prop: 'listeners',
    received: `${listeners.length} listeners on ${lb.node.path}`,
    rule: `a Network Load Balancer has at most ${quota.value} ${quota.description.replace(' per Network Load Balancer', '')} ("${quota.source}", not adjustable)`,
  })];
}
