import { Fn, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ACCOUNT, isolatedVpc, newApp, stackIn, synthErrors } from './fixtures';
import { PrivateLinkService } from '../../src/privatelink';

const NLB_ARN = 'arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/orders/0123456789abcdef';

function setup() {
  const app = newApp();
  const stack = stackIn(app, 'Provider');
  const vpc = isolatedVpc(stack, 'Vpc', '10.0.0.0/16');
  const service = (id: string, loadBalancer: elbv2.INetworkLoadBalancer, listeners = [{ port: 443, targetType: elbv2.TargetType.IP }]) =>
    new PrivateLinkService(stack, id, { vpc, listeners, loadBalancer, allowedPrincipals: [new iam.AccountPrincipal(ACCOUNT)] });
  return { app, stack, vpc, service };
}

function warnings(stack: Stack, rule: string): string[] {
  return Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp(rule)).map((w) => String(w.entry.data));
}

describe('PrivateLinkService loadBalancer facts', () => {
  test('valid control: an internal Network Load Balancer of this app in the service\'s VPC, with no warning', () => {
    // GIVEN
    const { stack, vpc, service } = setup();

    // WHEN
    service('Svc', new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc, internetFacing: false, disableSecurityGroups: true }));

    // THEN
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });

  test.each([
    ['an Application Load Balancer ARN', 'arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/web/0123456789abcdef', /is an Application Load Balancer/],
    ['a Gateway Load Balancer ARN', 'arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/gwy/fw/0123456789abcdef', /is a Gateway Load Balancer/],
    ['a target group ARN', 'arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/tg/0123456789abcdef', /is not a load balancer ARN/],
  ])('privatelink-load-balancer-type: %s is refused', (_, arn, message) => {
    // GIVEN
    const { stack, vpc, service } = setup();
    const lb = elbv2.NetworkLoadBalancer.fromNetworkLoadBalancerAttributes(stack, 'Lb', { loadBalancerArn: arn, vpc });

    // WHEN / THEN
    expect(() => service('Svc', lb)).toThrow(new RegExp(`loadBalancer ".*" ${message.source}.*\\[cdk-private-connectivity:privatelink-load-balancer-type\\]`));
  });

  test('privatelink-load-balancer-type: an Application Load Balancer of this app is refused', () => {
    // GIVEN
    const { stack, vpc, service } = setup();
    const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc });

    // WHEN / THEN
    expect(() => service('Svc', alb as unknown as elbv2.INetworkLoadBalancer))
      .toThrow(/loadBalancer Provider\/Alb has Type "application"; .*\[cdk-private-connectivity:privatelink-load-balancer-type\]/);
  });

  test('privatelink-load-balancer-internet-facing: an internet-facing Network Load Balancer is warned', () => {
    // GIVEN
    const { stack, vpc, service } = setup();
    const nlb = new elbv2.NetworkLoadBalancer(stack, 'Public', { vpc, internetFacing: true, vpcSubnets: { subnets: vpc.isolatedSubnets } });

    // WHEN
    service('Svc', nlb);

    // THEN
    expect(warnings(stack, 'privatelink-load-balancer-internet-facing')).toEqual([
      expect.stringMatching(/^PrivateLinkService 'Provider\/Svc': loadBalancer Provider\/Public is internet-facing; an internet-facing Network Load Balancer answers clients on the internet/),
    ]);
  });

  test('privatelink-load-balancer-vpc: a load balancer in another VPC of this app is refused', () => {
    // GIVEN
    const { stack, service } = setup();
    const other = isolatedVpc(stack, 'Other', '10.9.0.0/16');

    // WHEN / THEN
    expect(() => service('Svc', new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc: other })))
      .toThrow(/loadBalancer Provider\/Nlb is in Provider\/Other, the service's vpc is Provider\/Vpc; .*\[cdk-private-connectivity:privatelink-load-balancer-vpc\]/);
  });

  test('privatelink-load-balancer-vpc: an imported load balancer whose VPC ID differs is refused', () => {
    // GIVEN
    const app = newApp();
    const stack = stackIn(app, 'Provider');
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', { vpcId: 'vpc-0aaaaaaaaaaaaaaaa', availabilityZones: ['us-east-1a'], isolatedSubnetIds: ['subnet-0aaaaaaaaaaaaaaaa'] });
    const elsewhere = ec2.Vpc.fromVpcAttributes(stack, 'Elsewhere', { vpcId: 'vpc-0bbbbbbbbbbbbbbbb', availabilityZones: ['us-east-1a'] });
    const lb = elbv2.NetworkLoadBalancer.fromNetworkLoadBalancerAttributes(stack, 'Lb', { loadBalancerArn: NLB_ARN, vpc: elsewhere });

    // WHEN / THEN
    expect(() => new PrivateLinkService(stack, 'Svc', { vpc, listeners: [{ port: 443 }], loadBalancer: lb }))
      .toThrow(/\[cdk-private-connectivity:privatelink-load-balancer-vpc\]/);
  });

  test('privatelink-load-balancer-unknown: an imported load balancer names every fact left unchecked', () => {
    // GIVEN
    const { stack, vpc, service } = setup();
    const known = elbv2.NetworkLoadBalancer.fromNetworkLoadBalancerAttributes(stack, 'Known', { loadBalancerArn: NLB_ARN, vpc });
    const bare = elbv2.NetworkLoadBalancer.fromNetworkLoadBalancerAttributes(stack, 'Bare', { loadBalancerArn: Fn.importValue('OrdersNlbArn') });

    // WHEN
    service('A', known);
    service('B', bare);

    // THEN
    expect(warnings(stack, 'privatelink-load-balancer-unknown')).toEqual([
      expect.stringMatching(/'Provider\/A': loadBalancer Provider\/Known is imported; unchecked: its scheme \(internal or internet-facing\), the listeners it already has \(at most 50 in all\); /),
      expect.stringMatching(/'Provider\/B': loadBalancer Provider\/Bare is imported; unchecked: its type \(the ARN is a token\), its scheme .*, its VPC \(imported without vpc\), the listeners it already has/),
    ]);
  });

  test('privatelink-listener-quota: more than 50 listeners are refused', () => {
    // GIVEN
    const { stack, vpc } = setup();
    const listeners = Array.from({ length: 51 }, (_, i) => ({ port: 1000 + i }));

    // WHEN / THEN
    expect(() => new PrivateLinkService(stack, 'Svc', { vpc, listeners }))
      .toThrow(/listeners has 51 entries; a Network Load Balancer has at most 50 listeners \("Quotas for your Network Load Balancers", not adjustable\).*\[cdk-private-connectivity:privatelink-listener-quota\]/);
  });

  test('privatelink-listener-quota: listeners the load balancer already has count too; 50 in all pass', () => {
    // GIVEN
    const { app, stack, vpc, service } = setup();
    const nlb = new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc });
    for (let i = 0; i < 49; i++) nlb.addListener(`Own${i}`, { port: 2000 + i });
    const full = new elbv2.NetworkLoadBalancer(stack, 'Full', { vpc });
    for (let i = 0; i < 50; i++) full.addListener(`Own${i}`, { port: 2000 + i });

    // WHEN
    service('Fits', nlb);
    service('Over', full);

    // THEN
    const errors = synthErrors(app);
    expect(errors).toMatch(/'Provider\/Over': listeners 51 listeners on Provider\/Full; .*\[cdk-private-connectivity:privatelink-listener-quota\]/);
    expect(errors).not.toMatch(/Provider\/Fits/);
  });
});
