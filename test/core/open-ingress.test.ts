import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { openIngressProblems } from '../../src/core/open-ingress';

// The one check behind `privatelink-endpoint-sg-open` (PrivateLinkEndpoint, InterfaceEndpointSet),
// on plain security groups: inline rules, separate ingress resources, imported groups.

function setup(): { app: App; stack: Stack; vpc: ec2.Vpc; owner: Construct } {
  const app = new App();
  const stack = new Stack(app, 'S', { env: { account: '111111111111', region: 'us-east-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0, subnetConfiguration: [{ name: 'iso', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
  return { app, stack, vpc, owner: new Construct(stack, 'Endpoint') };
}

const ruleText = 'an interface endpoint is reachable by every address its security groups admit';

describe('openIngressProblems', () => {
  test('an inline rule admitting 0.0.0.0/0 or ::/0: one problem each, naming the group, the block and the ports', () => {
    // GIVEN
    const { vpc, owner } = setup();
    const sg = new ec2.SecurityGroup(vpc, 'Sg', { vpc, allowAllOutbound: false });
    sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443));
    sg.addIngressRule(ec2.Peer.anyIpv6(), ec2.Port.tcpRange(8000, 8080));
    sg.addIngressRule(ec2.Peer.ipv4('10.0.0.0/16'), ec2.Port.tcp(443));

    // WHEN
    const problems = openIngressProblems(owner, [sg], 'Admit the consumers only.');

    // THEN
    expect(problems).toEqual([
      `Construct 'S/Endpoint': security group S/Vpc/Sg admits 0.0.0.0/0 on ports 443-443; ${ruleText}. Admit the consumers only. [cdk-private-connectivity:privatelink-endpoint-sg-open]`,
      `Construct 'S/Endpoint': security group S/Vpc/Sg admits ::/0 on ports 8000-8080; ${ruleText}. Admit the consumers only. [cdk-private-connectivity:privatelink-endpoint-sg-open]`,
    ]);
  });

  test('an AWS::EC2::SecurityGroupIngress in another stack counts too; the catalogue fix when none is given', () => {
    // GIVEN
    const { app, vpc, owner } = setup();
    const sg = new ec2.SecurityGroup(vpc, 'Sg', { vpc });
    const other = new Stack(app, 'Other', { env: { account: '111111111111', region: 'us-east-1' } });
    new ec2.CfnSecurityGroupIngress(other, 'Open', { groupId: sg.securityGroupId, ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '0.0.0.0/0' });
    new ec2.CfnSecurityGroupIngress(other, 'Narrow', { groupId: sg.securityGroupId, ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '10.0.0.0/8' });
    new ec2.CfnSecurityGroupIngress(other, 'ElsewhereOpen', { groupId: 'sg-0123456789abcdef0', ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '0.0.0.0/0' });

    // WHEN
    const problems = openIngressProblems(owner, [sg]);

    // THEN
    expect(problems).toEqual([
      expect.stringMatching(/^Construct 'S\/Endpoint': security group S\/Vpc\/Sg admits 0\.0\.0\.0\/0 on ports 443-443; .*Admit only the consumers' CIDR blocks or security groups/),
    ]);
  });

  test('control: narrow rules, an imported group, no group at all give no problem', () => {
    // GIVEN
    const { stack, vpc, owner } = setup();
    const sg = new ec2.SecurityGroup(vpc, 'Sg', { vpc });
    sg.addIngressRule(ec2.Peer.ipv4('10.0.0.0/16'), ec2.Port.tcp(443));
    const imported = ec2.SecurityGroup.fromSecurityGroupId(stack, 'Imported', 'sg-0123456789abcdef0');

    // WHEN / THEN
    expect(openIngressProblems(owner, [sg, imported])).toEqual([]);
    expect(openIngressProblems(owner, [])).toEqual([]);
  });
});
