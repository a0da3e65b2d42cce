import { CfnElement, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { ACCOUNT, CDK_INIT_FLAGS, dualStackVpc, FLAG_SETS, isolatedVpc, newApp, PARTNER, stackIn } from './fixtures';
import { AvailabilityZoneIds, PrivateLinkEndpoint, PrivateLinkService, PrivateLinkServiceProps } from '../../src/privatelink';

/** A provider stack with a two-AZ VPC and a service built from `props`. */
function provider(props: Partial<PrivateLinkServiceProps> = {}, region: string | null = 'us-east-1') {
  const app = newApp();
  const stack = stackIn(app, 'Provider', region);
  const vpc = isolatedVpc(stack, 'Vpc', '10.0.0.0/16');
  const svc = new PrivateLinkService(stack, 'Orders', { vpc, listeners: [{ port: 443 }], ...props });
  return { app, stack, vpc, svc };
}

describe('PrivateLinkService', () => {
  test('defaults: internal NLB in the private subnets, TCP listener, acceptance required, no principals', () => {
    // GIVEN / WHEN
    const { stack, svc } = provider();

    // THEN
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Type: 'network',
      Scheme: 'internal',
      Subnets: [{ Ref: Match.stringLikeRegexp('Vpciso0Subnet1') }, { Ref: Match.stringLikeRegexp('Vpciso0Subnet2') }],
    });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 443, Protocol: 'TCP' });
    // Health checks are elbv2's defaults: no HealthCheck* property is rendered.
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      Port: 443,
      Protocol: 'TCP',
      HealthCheckProtocol: Match.absent(),
      HealthCheckPort: Match.absent(),
    });
    t.hasResourceProperties('AWS::EC2::VPCEndpointService', {
      AcceptanceRequired: true,
      SupportedRegions: Match.absent(),
      ContributorInsightsEnabled: Match.absent(),
      NetworkLoadBalancerArns: [{ Ref: Match.stringLikeRegexp('OrdersLoadBalancer') }],
    });
    t.resourceCountIs('AWS::EC2::VPCEndpointServicePermissions', 0);
    Annotations.fromStack(stack).hasWarning('/Provider/Orders',
      Match.stringLikeRegexp('allowedPrincipals \\(none\\); only allowed principals.*\\[cdk-private-connectivity:privatelink-no-principals\\]'));

    expect(svc.ports).toEqual([{ port: 443, protocol: elbv2.Protocol.TCP }]);
    expect(svc.region).toBe('us-east-1');
    expect(svc.supportedRegions).toEqual([]);
    expect(svc.privateDnsNameVerified).toBe(false);
    expect(svc.node.defaultChild).toBe(svc.endpointService);
    // The provider's region is in the name (not AWS::Region, which resolves where the name is used).
    expect(stack.resolve(svc.serviceName)).toEqual({ 'Fn::Join': ['.', ['com.amazonaws.vpce.us-east-1', { Ref: stack.getLogicalId(svc.endpointService.node.defaultChild as CfnElement) }]] });
  });

  test('allowed principals: account principals and role ARNs, without the no-principal warning', () => {
    // GIVEN / WHEN
    const { stack } = provider({
      allowedPrincipals: [
        new iam.AccountPrincipal(PARTNER),
        new iam.ArnPrincipal(`arn:aws:iam::${PARTNER}:role/orders-client`),
      ],
    });

    // THEN
    const permissions = Template.fromStack(stack).findResources('AWS::EC2::VPCEndpointServicePermissions');
    // An account principal renders with AWS::Partition, or literally under @aws-cdk/core:enablePartitionLiterals.
    const text = (v: unknown): unknown => (typeof v === 'object' && v !== null && 'Fn::Join' in v
      ? ((v as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1]).map((p) => (typeof p === 'string' ? p : JSON.stringify(p) === '{"Ref":"AWS::Partition"}' ? 'aws' : '?')).join('')
      : v);
    expect(Object.values(permissions).map((r) => (r.Properties.AllowedPrincipals as unknown[]).map(text))).toEqual([[
      `arn:aws:iam::${PARTNER}:root`,
      `arn:aws:iam::${PARTNER}:role/orders-client`,
    ]]);
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('privatelink-'))).toHaveLength(0);
  });

  test('allowAnyPrincipal is the only way to `*`', () => {
    const { stack } = provider({ allowAnyPrincipal: true });
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpointServicePermissions', { AllowedPrincipals: ['*'] });
  });

  test('supported regions, IP address types, contributor insights and acceptance are passed through', () => {
    // GIVEN / WHEN: IPv6 needs a dual-stack VPC (the service's load balancer is then dualstack)
    const stack = stackIn(newApp(), 'Provider');
    const svc = new PrivateLinkService(stack, 'Orders', {
      vpc: dualStackVpc(stack, 'Vpc', '10.0.0.0/16'),
      listeners: [{ port: 443 }],
      supportedRegions: ['eu-west-1', 'eu-west-1', 'us-west-2'],
      supportedIpAddressTypes: [ec2.IpAddressType.IPV4, ec2.IpAddressType.IPV6],
      contributorInsights: true,
      acceptanceRequired: false,
      allowedPrincipals: [new iam.AccountPrincipal(ACCOUNT)],
    });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpointService', {
      AcceptanceRequired: false,
      SupportedRegions: ['eu-west-1', 'us-west-2'],
      SupportedIpAddressTypes: ['ipv4', 'ipv6'],
      ContributorInsightsEnabled: true,
    });
    Template.fromStack(stack).hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { IpAddressType: 'dualstack' });
    expect(svc.supportedRegions).toEqual(['eu-west-1', 'us-west-2']);
    expect(svc.supportedIpAddressTypes).toEqual([ec2.IpAddressType.IPV4, ec2.IpAddressType.IPV6]);
  });

  test('TLS, UDP and TCP_UDP listeners, target ports, health checks and targets', () => {
    // GIVEN
    const app = newApp();
    const stack = stackIn(app, 'Provider');
    const vpc = isolatedVpc(stack, 'Vpc', '10.0.0.0/16');
    const cert = acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:us-east-1:111111111111:certificate/abc');

    // WHEN
    const svc = new PrivateLinkService(stack, 'Svc', {
      vpc,
      listeners: [
        { port: 443, protocol: elbv2.Protocol.TLS, certificates: [elbv2.ListenerCertificate.fromCertificateManager(cert)], targetPort: 8443, targets: [new targets.IpTarget('10.0.0.10')] },
        { port: 53, protocol: elbv2.Protocol.TCP_UDP, targets: [new targets.IpTarget('10.0.0.11')] },
        { port: 514, protocol: elbv2.Protocol.UDP, healthCheck: { port: '8080', protocol: elbv2.Protocol.TCP }, targets: [new targets.IpTarget('10.0.0.12')] },
      ],
    });

    // THEN
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 443, Protocol: 'TLS', Certificates: [{ CertificateArn: Match.anyValue() }] });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { Port: 8443, Protocol: 'TCP', TargetType: 'ip' });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { Port: 53, Protocol: 'TCP_UDP' });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { Port: 514, Protocol: 'UDP', HealthCheckPort: '8080', HealthCheckProtocol: 'TCP' });
    expect(svc.listeners).toHaveLength(3);
    expect(svc.ports.map((p) => `${p.protocol}/${p.port}`)).toEqual(['TLS/443', 'TCP_UDP/53', 'UDP/514']);
  });

  test('private DNS name with a public hosted zone: TXT record and verification through aws-cdk-lib', () => {
    // GIVEN
    const app = newApp();
    const stack = stackIn(app, 'DnsProvider');
    const vpc = isolatedVpc(stack, 'Vpc', '10.0.0.0/16');
    const zone = new route53.PublicHostedZone(stack, 'Zone', { zoneName: 'example.com' });

    // WHEN
    const svc = new PrivateLinkService(stack, 'DnsService', {
      vpc,
      listeners: [{ port: 443 }],
      privateDnsName: 'orders.example.com',
      publicHostedZone: zone,
    });

    // THEN
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Route53::RecordSet', { Type: 'TXT' });
    // EnableDns, GetNames and StartVerification custom resources of route53.VpcEndpointServiceDomainName.
    t.resourceCountIs('Custom::AWS', 3);
    const json = JSON.stringify(t.toJSON());
    expect(json).toContain('modifyVpcEndpointServiceConfiguration');
    expect(json).toContain('orders.example.com');
    expect(json).toContain('startVpcEndpointServicePrivateDnsVerification');
    expect(svc.domainName).toBeDefined();
    expect(svc.privateDnsName).toBe('orders.example.com');
    expect(svc.privateDnsNameVerified).toBe(false);
  });

  test('private DNS name without a zone is set on the service; verified only when declared', () => {
    const { stack, svc } = provider({ privateDnsName: 'orders.example.com', privateDnsNameVerified: true });
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpointService', { PrivateDnsName: 'orders.example.com' });
    Template.fromStack(stack).resourceCountIs('Custom::AWS', 0);
    expect(svc.privateDnsNameVerified).toBe(true);
  });

  test('a listener without targets takes its target type from the prop, without the empty-group warning', () => {
    // GIVEN / WHEN
    const { stack } = provider({ listeners: [{ port: 443, targetType: elbv2.TargetType.IP }] });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { Port: 443, TargetType: 'ip' });
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('empty TargetGroup'));
  });

  test('access logs go to the given bucket', () => {
    // GIVEN
    const app = newApp();
    const stack = stackIn(app, 'Provider');
    const bucket = new s3.Bucket(stack, 'Logs');

    // WHEN
    new PrivateLinkService(stack, 'Orders', { vpc: isolatedVpc(stack, 'Vpc', '10.0.0.0/16'), listeners: [{ port: 443 }], accessLogsBucket: bucket });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      LoadBalancerAttributes: Match.arrayWith([
        { Key: 'access_logs.s3.enabled', Value: 'true' },
        { Key: 'access_logs.s3.bucket', Value: { Ref: Match.stringLikeRegexp('Logs') } },
      ]),
    });
  });

  describe.each(FLAG_SETS)('load balancer security groups under %s', (_name, flags) => {
    test('the created load balancer has no security group, whatever the networkLoadBalancerWithSecurityGroupByDefault flag says', () => {
      // GIVEN / WHEN
      const app = newApp(flags);
      const stack = stackIn(app, 'Provider');
      new PrivateLinkService(stack, 'Orders', { vpc: isolatedVpc(stack, 'Vpc', '10.0.0.0/16'), listeners: [{ port: 443 }] });

      // THEN: a group the flag would add admits nothing and lets nothing out (health checks included)
      const t = Template.fromStack(stack);
      t.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
        Type: 'network',
        SecurityGroups: Match.absent(),
        EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic: Match.absent(),
      });
      t.resourceCountIs('AWS::EC2::SecurityGroup', 0);
      expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('privatelink-nlb-sg'))).toHaveLength(0);
    });

    test('given security groups: outbound to the targets and health checks, inbound from the consumers of this app', () => {
      // GIVEN
      const app = newApp(flags);
      const stack = stackIn(app, 'Provider');
      const consumerStack = stackIn(app, 'Consumer', 'us-east-1', PARTNER);
      const vpc = isolatedVpc(stack, 'Vpc', '10.0.0.0/16');
      const sg = new ec2.SecurityGroup(stack, 'NlbSg', { vpc, allowAllOutbound: false });

      // WHEN
      const svc = new PrivateLinkService(stack, 'Svc', {
        vpc,
        securityGroups: [sg],
        allowedPrincipals: [new iam.AccountPrincipal(PARTNER)],
        listeners: [
          { port: 443, targetPort: 8443, healthCheck: { port: '8080' }, targetType: elbv2.TargetType.IP },
          { port: 514, protocol: elbv2.Protocol.UDP, targetType: elbv2.TargetType.IP },
        ],
      });
      new PrivateLinkEndpoint(consumerStack, 'Client', { vpc: isolatedVpc(consumerStack, 'Vpc', '10.1.0.0/16'), service: svc });

      // THEN
      const t = Template.fromStack(stack);
      t.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { SecurityGroups: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('NlbSg'), 'GroupId'] }] });
      t.hasResourceProperties('AWS::EC2::SecurityGroup', {
        SecurityGroupIngress: [
          Match.objectLike({ CidrIp: '10.1.0.0/16', IpProtocol: 'tcp', FromPort: 443, ToPort: 443 }),
          Match.objectLike({ CidrIp: '10.1.0.0/16', IpProtocol: 'udp', FromPort: 514, ToPort: 514 }),
        ],
        SecurityGroupEgress: [
          Match.objectLike({ CidrIp: '10.0.0.0/16', IpProtocol: 'tcp', FromPort: 8443, ToPort: 8443 }),
          Match.objectLike({ CidrIp: '10.0.0.0/16', IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080 }),
          Match.objectLike({ CidrIp: '10.0.0.0/16', IpProtocol: 'udp', FromPort: 514, ToPort: 514 }),
          Match.objectLike({ CidrIp: '10.0.0.0/16', IpProtocol: 'tcp', FromPort: 514, ToPort: 514 }),
        ],
      });
      // Consumers outside the app are not admitted while enforcement is on by default.
      Annotations.fromStack(stack).hasWarning('/Provider/Svc', Match.stringLikeRegexp('enforceSecurityGroupInboundRulesOnPrivateLinkTraffic is not set .*\\[cdk-private-connectivity:privatelink-nlb-sg-enforced\\]'));
    });

    test('given security groups with PrivateLink enforcement off: no consumer rules and no warning', () => {
      // GIVEN
      const app = newApp(flags);
      const stack = stackIn(app, 'Provider');
      const vpc = isolatedVpc(stack, 'Vpc', '10.0.0.0/16');
      const sg = new ec2.SecurityGroup(stack, 'NlbSg', { vpc });

      // WHEN
      const svc = new PrivateLinkService(stack, 'Svc', {
        vpc,
        listeners: [{ port: 443 }],
        securityGroups: [sg],
        enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: false,
      });
      new PrivateLinkEndpoint(stack, 'Client', { vpc: isolatedVpc(stack, 'ClientVpc', '10.1.0.0/16'), service: svc });

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
        SecurityGroups: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('NlbSg'), 'GroupId'] }],
        EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic: 'off',
      });
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroup', { GroupDescription: Match.stringLikeRegexp('NlbSg'), SecurityGroupIngress: Match.absent() });
      expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('privatelink-nlb-sg'))).toHaveLength(0);
      // A group that allows all outbound traffic is left as it is (no ignored egress rules).
      expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('Ignoring Egress rule'))).toHaveLength(0);
    });

    test('a consumer block known only at deploy time is not admitted: warning', () => {
      // GIVEN
      const app = newApp(flags);
      const stack = stackIn(app, 'Provider');
      const vpc = isolatedVpc(stack, 'Vpc', '10.0.0.0/16');
      const svc = new PrivateLinkService(stack, 'Svc', {
        vpc,
        listeners: [{ port: 443 }],
        securityGroups: [new ec2.SecurityGroup(stack, 'NlbSg', { vpc })],
        enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: true,
      });
      const clientVpc = isolatedVpc(stack, 'ClientVpc', '10.1.0.0/16');
      (clientVpc.node.defaultChild as ec2.CfnVPC).cidrBlock = undefined;
      (clientVpc.node.defaultChild as ec2.CfnVPC).ipv4IpamPoolId = 'ipam-pool-0123';
      (clientVpc.node.defaultChild as ec2.CfnVPC).ipv4NetmaskLength = 16;

      // WHEN
      new PrivateLinkEndpoint(stack, 'Client', { vpc: clientVpc, service: svc });

      // THEN
      Annotations.fromStack(stack).hasWarning('/Provider/Svc',
        Match.stringLikeRegexp("consumers have CIDR blocks not known at synth; .*\\(1: PrivateLinkEndpoint 'Provider/Client'\\).*\\[cdk-private-connectivity:privatelink-nlb-sg-enforced\\]"));
    });
  });

  test('the created load balancer is the same under the cdk init flags and under none', () => {
    const nlbOf = (flags: Record<string, unknown>) => {
      const app = newApp(flags);
      const stack = stackIn(app, 'Provider');
      new PrivateLinkService(stack, 'Orders', { vpc: isolatedVpc(stack, 'Vpc', '10.0.0.0/16'), listeners: [{ port: 443 }] });
      return Template.fromStack(stack).findResources('AWS::ElasticLoadBalancingV2::LoadBalancer');
    };
    expect(nlbOf(CDK_INIT_FLAGS)).toEqual(nlbOf({}));
  });

  test('an existing load balancer with the security group the feature flag gives it: targets opened, warning', () => {
    // GIVEN: an NLB built with the flag on, whose group admits nothing and lets nothing out
    const app = newApp({ '@aws-cdk/aws-elasticloadbalancingv2:networkLoadBalancerWithSecurityGroupByDefault': true });
    const stack = stackIn(app, 'Provider');
    const vpc = isolatedVpc(stack, 'Vpc', '10.0.0.0/16');
    const nlb = new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc });

    // WHEN
    new PrivateLinkService(stack, 'Svc', { vpc, listeners: [{ port: 443, targetType: elbv2.TargetType.IP }], loadBalancer: nlb });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('Automatically created Security Group for ELB'),
      SecurityGroupEgress: [Match.objectLike({ CidrIp: '10.0.0.0/16', IpProtocol: 'tcp', FromPort: 443, ToPort: 443 })],
    });
    Annotations.fromStack(stack).hasWarning('/Provider/Svc', Match.stringLikeRegexp('loadBalancer Provider/Nlb has security groups .*privatelink-nlb-sg-enforced'));
  });

  test('AZ IDs of the load balancer zones from the prop or the context key', () => {
    // GIVEN
    const app = newApp({ [AvailabilityZoneIds.contextKey(ACCOUNT, 'us-east-1')]: { 'us-east-1a': 'use1-az6', 'us-east-1b': 'use1-az1' } });
    const stack = stackIn(app, 'Provider');
    const vpc = isolatedVpc(stack, 'Vpc', '10.0.0.0/16');

    // WHEN
    const fromContext = new PrivateLinkService(stack, 'A', { vpc, listeners: [{ port: 443 }] });
    const fromProp = new PrivateLinkService(stack, 'B', {
      vpc,
      listeners: [{ port: 443 }],
      availabilityZoneIds: [{ name: 'us-east-1a', id: 'use1-az4' }, { name: 'us-east-1b', id: 'use1-az2' }],
    });
    const partial = new PrivateLinkService(stack, 'C', { vpc, listeners: [{ port: 443 }], availabilityZoneIds: [{ name: 'us-east-1a', id: 'use1-az4' }] });

    // THEN
    expect(fromContext.availabilityZoneIds).toEqual(['use1-az6', 'use1-az1']);
    expect(fromProp.availabilityZoneIds).toEqual(['use1-az4', 'use1-az2']);
    expect(partial.availabilityZoneIds).toBeUndefined();
  });

  test('an existing load balancer: listeners are added to it and its zones are read', () => {
    // GIVEN
    const app = newApp();
    const stack = stackIn(app, 'Provider');
    const vpc = isolatedVpc(stack, 'Vpc', '10.0.0.0/16', 3);
    const nlb = new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc, vpcSubnets: { availabilityZones: ['us-east-1c'] } });

    // WHEN
    const svc = new PrivateLinkService(stack, 'Svc', { vpc, listeners: [{ port: 8080 }], loadBalancer: nlb });

    // THEN
    Template.fromStack(stack).resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 1);
    Template.fromStack(stack).hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 8080, LoadBalancerArn: { Ref: Match.stringLikeRegexp('Nlb') } });
    expect(svc.loadBalancer).toBe(nlb);
    expect(svc._availabilityZoneNames).toEqual(['us-east-1c']);
  });

  test('a principal whose ARN is a token in an environment-agnostic stack: warning', () => {
    const { stack } = provider({ allowedPrincipals: [new iam.AccountPrincipal(PARTNER)] }, null);
    Annotations.fromStack(stack).hasWarning('/Provider/Orders', Match.stringLikeRegexp('\\[cdk-private-connectivity:privatelink-principal-unknown\\]'));
  });

  describe('refused at synth', () => {
    const cases: Array<[string, () => Partial<PrivateLinkServiceProps>, RegExp]> = [
      ['no listener', () => ({ listeners: [] }), /listeners \[\]; .*\[cdk-private-connectivity:privatelink-listeners-empty\]/],
      ['port 0', () => ({ listeners: [{ port: 0 }] }), /listeners\[0\]\.port 0; .*\[cdk-private-connectivity:privatelink-listener-port-invalid\]/],
      ['port 65536', () => ({ listeners: [{ port: 65536 }] }), /listeners\[0\]\.port 65536; .*privatelink-listener-port-invalid/],
      ['fractional port', () => ({ listeners: [{ port: 44.3 }] }), /listeners\[0\]\.port 44\.3; .*privatelink-listener-port-invalid/],
      ['target port out of range', () => ({ listeners: [{ port: 443, targetPort: 70000 }] }), /targetPort\[0\]\.port 70000; .*privatelink-listener-port-invalid/],
      ['duplicate port', () => ({ listeners: [{ port: 443 }, { port: 80 }, { port: 443, protocol: elbv2.Protocol.TLS }] }),
        /listeners\[2\]\.port 443 \(also listeners\[0\]\.port\); .*\[cdk-private-connectivity:privatelink-listener-port-duplicate\]/],
      ['HTTP listener', () => ({ listeners: [{ port: 80, protocol: elbv2.Protocol.HTTP }] }), /listeners\[0\]\.protocol "HTTP"; .*privatelink-listener-protocol-invalid/],
      ['account ID as principal', () => ({ allowedPrincipals: [new iam.ArnPrincipal(PARTNER)] }),
        /allowedPrincipals\[0\] "222222222222"; .*Use new iam\.AccountPrincipal\('222222222222'\).*\[cdk-private-connectivity:privatelink-principal-invalid\]/],
      ['non-IAM ARN as principal', () => ({ allowedPrincipals: [new iam.ArnPrincipal('arn:aws:s3:::bucket')] }), /allowedPrincipals\[0\] "arn:aws:s3:::bucket"; .*privatelink-principal-invalid/],
      ['`*` without opt-in', () => ({ allowedPrincipals: [new iam.ArnPrincipal('*')] }),
        /allowedPrincipals\[0\] "\*"; .*set allowAnyPrincipal: true\. \[cdk-private-connectivity:privatelink-principal-wildcard\]/],
      ['AnyPrincipal without opt-in', () => ({ allowedPrincipals: [new iam.AnyPrincipal()] }), /privatelink-principal-wildcard/],
      ['principal of another partition', () => ({ allowedPrincipals: [new iam.ArnPrincipal(`arn:aws-cn:iam::${PARTNER}:root`)] }),
        /is in partition aws-cn, the service in aws; .*\[cdk-private-connectivity:privatelink-partition-mismatch\]/],
      ['supported region of another partition', () => ({ supportedRegions: ['cn-north-1'] }), /supportedRegions\[0\] "cn-north-1" is in partition aws-cn.*privatelink-partition-mismatch/],
      ['supported region that is not a region', () => ({ supportedRegions: ['eu-west'] }), /supportedRegions\[0\] "eu-west"; .*\[cdk-private-connectivity:region-invalid\]/],
      ['no subnet selected', () => ({ vpcSubnets: { subnets: [] } }), /vpcSubnets selects no subnet of Provider\/Vpc; .*\[cdk-private-connectivity:privatelink-subnets-empty\]/],
      ['AZ name given as an AZ ID', () => ({ availabilityZoneIds: [{ name: 'us-east-1a', id: 'us-east-1a' }] }),
        /availabilityZoneIds\[0\] "us-east-1a"; this is an AZ name.*\[cdk-private-connectivity:privatelink-az-id-invalid\]/],
      ['private DNS name outside the zone', () => ({ privateDnsName: 'orders.example.org', publicHostedZone: route53.PublicHostedZone.fromPublicHostedZoneAttributes(new Stack(), 'Z', { hostedZoneId: 'Z1', zoneName: 'example.com' }) }),
        /privateDnsName "orders\.example\.org" is not in the hosted zone "example\.com"; .*\[cdk-private-connectivity:privatelink-private-dns-zone-mismatch\]/],
    ];
    test.each(cases)('%s', (_name, props, message) => {
      expect(() => provider(props())).toThrow(message);
    });

    test('two subnets in one AZ', () => {
      // GIVEN
      const app = newApp();
      const stack = stackIn(app, 'Provider');
      const vpc = isolatedVpc(stack, 'Vpc', '10.0.0.0/16', 2, 2);

      // THEN
      expect(() => new PrivateLinkService(stack, 'Svc', { vpc, listeners: [{ port: 443 }], vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } }))
        .toThrow(/'Provider\/Svc': vpcSubnets selects 2 subnets in us-east-1a \(Provider\/Vpc\/iso0Subnet1, Provider\/Vpc\/iso1Subnet1\); .*\[cdk-private-connectivity:privatelink-subnet-az-duplicate\]/);
      // The default selection takes one subnet per zone.
      expect(() => new PrivateLinkService(stack, 'Default', { vpc, listeners: [{ port: 443 }] })).not.toThrow();
    });
  });
});
