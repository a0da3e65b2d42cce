import { Duration } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import { applianceVpc, firewallIn, newApp, PARTNER, stackIn } from './fixtures';
import { GatewayLoadBalancerService } from '../../src';
import { arnMatching, cfnText } from '../peering/helpers';

function appliances(vpc: ec2.IVpc): ec2.Instance[] {
  return [1, 2].map((n) => new ec2.Instance(vpc.node.scope!, `Appliance${n}`, {
    vpc,
    instanceType: new ec2.InstanceType('c6in.large'),
    machineImage: ec2.MachineImage.genericLinux({ 'us-east-1': 'ami-0123456789abcdef0' }),
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED, availabilityZones: [`us-east-1${n === 1 ? 'a' : 'b'}`] },
  }));
}

describe('GatewayLoadBalancerService', () => {
  test('a gateway load balancer in one subnet per AZ, a GENEVE/6081 target group with the instances, a listener without protocol or port, the endpoint service', () => {
    // GIVEN
    const stack = stackIn(newApp(), 'Appliances');
    const vpc = applianceVpc(stack);
    const [a1, a2] = appliances(vpc);
    // WHEN
    const fw = new GatewayLoadBalancerService(stack, 'Firewall', {
      vpc,
      targets: [new targets.InstanceTarget(a1), new targets.InstanceTarget(a2)],
      allowedPrincipals: [new iam.AccountPrincipal(PARTNER)],
    });
    // THEN
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Type: 'gateway',
      Subnets: vpc.isolatedSubnets.map((s) => stack.resolve(s.subnetId)),
      Scheme: Match.absent(),
    });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      Protocol: 'GENEVE',
      Port: 6081,
      TargetType: 'instance',
      VpcId: stack.resolve(vpc.vpcId),
      Targets: [{ Id: stack.resolve(a1.instanceId) }, { Id: stack.resolve(a2.instanceId) }],
      HealthCheckProtocol: 'TCP',
      HealthCheckPort: '80',
    });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      LoadBalancerArn: stack.resolve(fw.loadBalancer.ref),
      DefaultActions: [{ Type: 'forward', TargetGroupArn: stack.resolve(fw.targetGroup.ref) }],
      Protocol: Match.absent(),
      Port: Match.absent(),
    });
    t.hasResourceProperties('AWS::EC2::VPCEndpointService', {
      GatewayLoadBalancerArns: [stack.resolve(fw.loadBalancer.ref)],
      AcceptanceRequired: true,
      NetworkLoadBalancerArns: Match.absent(),
    });
    t.hasResourceProperties('AWS::EC2::VPCEndpointServicePermissions', {
      ServiceId: stack.resolve(fw.serviceId),
      AllowedPrincipals: [arnMatching(/^arn:aws:iam::222222222222:root$/)],
    });
    expect(fw.node.defaultChild).toBe(fw.endpointService);
    expect(fw.availabilityZones).toEqual(['us-east-1a', 'us-east-1b']);
    expect(cfnText(stack.resolve(fw.serviceName))).toBe(`com.amazonaws.vpce.us-east-1.\${${stack.getLogicalId(fw.endpointService)}}`);
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('cdk-private-connectivity'))).toHaveLength(0);
  });

  test('the health check is the user\'s: protocol, port, path, interval, timeout and thresholds', () => {
    const stack = stackIn(newApp(), 'Appliances');
    firewallIn(stack, {
      healthCheck: { protocol: elbv2.Protocol.HTTP, port: 8080, path: '/healthz', interval: Duration.seconds(10), timeout: Duration.seconds(5), healthyThresholdCount: 3, unhealthyThresholdCount: 2 },
      crossZoneEnabled: true,
    });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      HealthCheckProtocol: 'HTTP',
      HealthCheckPort: '8080',
      HealthCheckPath: '/healthz',
      HealthCheckIntervalSeconds: 10,
      HealthCheckTimeoutSeconds: 5,
      HealthyThresholdCount: 3,
      UnhealthyThresholdCount: 2,
    });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      LoadBalancerAttributes: [{ Key: 'load_balancing.cross_zone.enabled', Value: 'true' }],
    });
  });

  test('IP targets, IPv6 support (dual-stack load balancer) and AZ IDs from context', () => {
    const app = newApp({ 'cdk-private-connectivity:az-ids:account=111111111111:region=us-east-1': { 'us-east-1a': 'use1-az6', 'us-east-1b': 'use1-az1' } });
    const stack = stackIn(app, 'Appliances');
    const fw = firewallIn(stack, { targets: [new targets.IpTarget('10.100.0.10'), new targets.IpTarget('10.100.1.10')], supportedIpAddressTypes: [ec2.IpAddressType.IPV4, ec2.IpAddressType.IPV6] });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { TargetType: 'ip', Targets: [{ Id: '10.100.0.10' }, { Id: '10.100.1.10' }] });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { IpAddressType: 'dualstack' });
    t.hasResourceProperties('AWS::EC2::VPCEndpointService', { SupportedIpAddressTypes: ['ipv4', 'ipv6'] });
    expect(fw.availabilityZoneIds).toEqual(['use1-az6', 'use1-az1']);
    expect(fw.supportedIpAddressTypes).toEqual(['ipv4', 'ipv6']);
  });

  test('AZ IDs from the availabilityZoneIds prop, which wins over the context key; an AZ name given as an ID is refused (privatelink-az-id-invalid)', () => {
    // GIVEN: the context says otherwise, the prop is what the provider account reports
    const app = newApp({ 'cdk-private-connectivity:az-ids:account=111111111111:region=us-east-1': { 'us-east-1a': 'use1-az1', 'us-east-1b': 'use1-az2' } });
    const stack = stackIn(app, 'Appliances');
    // WHEN
    const fw = firewallIn(stack, { availabilityZoneIds: [{ name: 'us-east-1a', id: 'use1-az6' }, { name: 'us-east-1b', id: 'use1-az4' }] });
    // THEN
    expect(fw.availabilityZoneIds).toEqual(['use1-az6', 'use1-az4']);
    expect(() => firewallIn(stackIn(newApp(), 'Appliances'), { availabilityZoneIds: [{ name: 'us-east-1a', id: 'us-east-1a' }] }))
      .toThrow(/availabilityZoneIds\[0\] "us-east-1a"; this is an AZ name.*\[cdk-private-connectivity:privatelink-az-id-invalid\]/);
  });

  test('acceptance can be turned off; anyone (*) only with allowAnyPrincipal', () => {
    const stack = stackIn(newApp(), 'Appliances');
    firewallIn(stack, { acceptanceRequired: false, allowedPrincipals: [], allowAnyPrincipal: true });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::EC2::VPCEndpointService', { AcceptanceRequired: false });
    t.hasResourceProperties('AWS::EC2::VPCEndpointServicePermissions', { AllowedPrincipals: ['*'] });
  });

  test('no principal: a warning says no other account can connect (privatelink-no-principals)', () => {
    const stack = stackIn(newApp(), 'Appliances');
    firewallIn(stack, { allowedPrincipals: [] });
    expect(Annotations.fromStack(stack).findWarning('/Appliances/Firewall', Match.stringLikeRegexp('privatelink-no-principals'))).toHaveLength(1);
    Template.fromStack(stack).resourceCountIs('AWS::EC2::VPCEndpointServicePermissions', 0);
  });

  test('a principal ARN that is a deploy-time token is warned about (privatelink-principal-unknown)', () => {
    const stack = stackIn(newApp(), 'Appliances');
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
    firewallIn(stack, { allowedPrincipals: [new iam.ArnPrincipal(role.roleArn)] });
    expect(Annotations.fromStack(stack).findWarning('/Appliances/Firewall', Match.stringLikeRegexp('privatelink-principal-unknown'))).toHaveLength(1);
  });

  // Refusals: one table, each with the rule it breaks.
  const refusals: Array<[string, RegExp, (stack: any) => void]> = [
    ['`*` without allowAnyPrincipal', /privatelink-principal-wildcard/, (s) => firewallIn(s, { allowedPrincipals: [new iam.ArnPrincipal('*')] })],
    ['an account ID given as an ARN', /privatelink-principal-invalid/, (s) => firewallIn(s, { allowedPrincipals: [new iam.ArnPrincipal(PARTNER)] })],
    ['a health check over UDP', /inspection-health-check-invalid/, (s) => firewallIn(s, { healthCheck: { protocol: elbv2.Protocol.UDP } })],
    ['a TCP health check with a path', /inspection-health-check-invalid/, (s) => firewallIn(s, { healthCheck: { path: '/health' } })],
    ['a health-check port out of range', /inspection-health-check-invalid/, (s) => firewallIn(s, { healthCheck: { port: 70000 } })],
    ['instance and IP targets mixed', /inspection-target-invalid/, (s) => {
      const vpc = applianceVpc(s);
      new GatewayLoadBalancerService(s, 'Firewall', { vpc, targets: [new targets.InstanceTarget(appliances(vpc)[0]), new targets.IpTarget('10.100.0.10')], allowedPrincipals: [] });
    }],
    ['a target that is a load balancer', /inspection-target-invalid/, (s) => {
      const vpc = applianceVpc(s);
      const alb = new elbv2.ApplicationLoadBalancer(s, 'Alb', { vpc });
      new GatewayLoadBalancerService(s, 'Firewall', { vpc, targets: [new targets.AlbListenerTarget(alb.addListener('L', { port: 80, defaultAction: elbv2.ListenerAction.fixedResponse(200) }))], allowedPrincipals: [] });
    }],
    ['a target type the load balancer cannot take', /inspection-target-invalid/, (s) => firewallIn(s, { targetType: elbv2.TargetType.LAMBDA })],
    ['two subnets in one AZ', /inspection-subnet-az-duplicate/, (s) => {
      const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'a', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }, { name: 'b', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
      new GatewayLoadBalancerService(s, 'Firewall', { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED }, allowedPrincipals: [] });
    }],
    ['no subnet', /inspection-subnets-empty/, (s) => firewallIn(s, { vpcSubnets: { subnets: [] } })],
  ];
  test.each(refusals)('refused: %s', (_name, pattern, build) => {
    const stack = stackIn(newApp(), 'Appliances');
    expect(() => build(stack)).toThrow(pattern);
  });

  test('imported by service name: region from the name, AZ IDs checked', () => {
    const stack = stackIn(newApp(), 'App');
    const svc = GatewayLoadBalancerService.fromServiceAttributes(stack, 'Fw', { serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0', availabilityZoneIds: ['use1-az1'] });
    expect([svc.region, svc.availabilityZoneIds, svc.supportedIpAddressTypes]).toEqual(['us-east-1', ['use1-az1'], ['ipv4']]);
    expect(() => GatewayLoadBalancerService.fromServiceAttributes(stack, 'Bad', { serviceName: 'vpce-svc-0123' })).toThrow(/privatelink-service-name-invalid/);
    expect(() => GatewayLoadBalancerService.fromServiceAttributes(stack, 'BadAz', {
      serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0', availabilityZoneIds: ['us-east-1a'],
    })).toThrow(/privatelink-az-id-invalid/);
  });
});
