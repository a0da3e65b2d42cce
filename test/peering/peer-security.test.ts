import { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { newApp, PARTNER, stackIn, vpcIn } from './helpers';
import { PeeredVpcPair } from '../../src/peering';

const REFUSALS: Array<[string, RegExp, (p: { use1: Stack; net: Stack; partner: Stack; euw1: Stack }) => void]> = [
  ['a security-group reference across regions', /peerSecurityGroup Use1\/App \(us-east-1\); security groups cannot be referenced across an inter-region VPC peering.*peering-sg-cross-region/, ({ use1, euw1 }) => {
    const a = vpcIn(use1, 'A', '10.0.0.0/16', { maxAzs: 1 });
    const b = vpcIn(euw1, 'B', '10.1.0.0/16', { maxAzs: 1 });
    const pair = new PeeredVpcPair(use1, 'P', { requester: a, accepter: b });
    pair.allowFromRequester('X', { securityGroup: sgIn(euw1, 'Db', b), peerSecurityGroup: sgIn(use1, 'App', a), port: ec2.Port.tcp(1) });
  }],
  ['a token peer group from another account', /peerSecurityGroup Partner\/Clients has ID \(unresolved token.*from account 222222222222.*peering-sg-peer-token/, ({ net, partner }) => {
    const a = vpcIn(net, 'A', '10.0.0.0/16', { maxAzs: 1 });
    const b = vpcIn(partner, 'B', '10.1.0.0/16', { maxAzs: 1 });
    const pair = new PeeredVpcPair(net, 'P', { requester: a, accepter: b });
    pair.allowFromAccepter('X', { securityGroup: sgIn(net, 'Api', a), peerSecurityGroup: sgIn(partner, 'Clients', b), port: ec2.Port.tcp(1) });
  }],
];

function sgIn(stack: Stack, id: string, vpc: ec2.IVpc): ec2.SecurityGroup {
  return new ec2.SecurityGroup(stack, id, { vpc });
}

describe('security groups across the peering', () => {
  test('same region: the receiving group references the sending group', () => {
    // GIVEN
    const app = newApp();
    const s = stackIn(app, 'S');
    const a = vpcIn(s, 'A', '10.0.0.0/16', { maxAzs: 1 });
    const b = vpcIn(s, 'B', '10.1.0.0/16', { maxAzs: 1 });
    const pair = new PeeredVpcPair(s, 'P', { requester: a, accepter: b });
    const app1 = sgIn(s, 'AppSg', a);
    const db = sgIn(s, 'DbSg', b);

    // WHEN
    pair.allowFromRequester('Postgres', { securityGroup: db, peerSecurityGroup: app1, port: ec2.Port.tcp(5432) });

    // THEN
    Template.fromStack(s).hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      GroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DbSg'), 'GroupId'] },
      SourceSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AppSg'), 'GroupId'] },
      SourceSecurityGroupOwnerId: Match.absent(),
      IpProtocol: 'tcp',
      FromPort: 5432,
      ToPort: 5432,
      Description: 'From the requester of S/P (VPC peering)',
    });
  });

  test('without a peer group: one rule per block of the sending VPC (IPv4 and IPv6)', () => {
    const app = newApp();
    const s = stackIn(app, 'S');
    const a = vpcIn(s, 'A', '10.0.0.0/16', { maxAzs: 1 });
    const b = vpcIn(s, 'B', '10.1.0.0/16', { maxAzs: 1 });
    new ec2.CfnVPCCidrBlock(s, 'B6', { vpcId: b.vpcId, ipv6CidrBlock: '2001:db8::/56' });
    const pair = new PeeredVpcPair(s, 'P', { requester: a, accepter: b });

    pair.allowFromAccepter('Https', { securityGroup: sgIn(s, 'Web', a), port: ec2.Port.tcp(443), description: 'web from B' });

    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::EC2::SecurityGroupIngress', 2);
    t.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { CidrIp: '10.1.0.0/16', FromPort: 443, Description: 'web from B' });
    t.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { CidrIpv6: '2001:db8::/56', FromPort: 443 });
  });

  test('inter-region: CIDR rules in the receiving side\'s region', () => {
    const app = newApp();
    const use1 = stackIn(app, 'Use1', 'us-east-1');
    const euw1 = stackIn(app, 'Euw1', 'eu-west-1');
    const b = vpcIn(euw1, 'B', '10.1.0.0/16', { maxAzs: 1 });
    const pair = new PeeredVpcPair(use1, 'P', { requester: vpcIn(use1, 'A', '10.0.0.0/16', { maxAzs: 1 }), accepter: b });

    pair.allowFromRequester('Db', { securityGroup: sgIn(euw1, 'Db', b), port: ec2.Port.tcp(3306) });

    Template.fromStack(pair.accepterStack).hasResourceProperties('AWS::EC2::SecurityGroupIngress', { CidrIp: '10.0.0.0/16', FromPort: 3306 });
    Template.fromStack(use1).resourceCountIs('AWS::EC2::SecurityGroupIngress', 0);
  });

  test('cross-account, same region: a literal peer group with its owner account', () => {
    const app = newApp();
    const net = stackIn(app, 'Network');
    const partner = stackIn(app, 'Partner', 'us-east-1', PARTNER);
    const a = vpcIn(net, 'A', '10.0.0.0/16', { maxAzs: 1 });
    const pair = new PeeredVpcPair(net, 'P', { requester: a, accepter: vpcIn(partner, 'B', '10.1.0.0/16', { maxAzs: 1 }) });

    pair.allowFromAccepter('Api', {
      securityGroup: sgIn(net, 'Api', a),
      peerSecurityGroup: ec2.SecurityGroup.fromSecurityGroupId(net, 'PartnerClients', 'sg-0abcdef0'),
      port: ec2.Port.tcp(8443),
    });

    Template.fromStack(net).hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      SourceSecurityGroupId: 'sg-0abcdef0', SourceSecurityGroupOwnerId: PARTNER, FromPort: 8443,
    });
  });

  test('a token block of the sending VPC warns that the rule does not cover it', () => {
    const app = newApp();
    const s = stackIn(app, 'S');
    const a = vpcIn(s, 'A', '10.0.0.0/16', { maxAzs: 1 });
    const b = vpcIn(s, 'B', '10.1.0.0/16', { maxAzs: 1 });
    new ec2.CfnVPCCidrBlock(s, 'B2', { vpcId: b.vpcId, ipv4IpamPoolId: 'ipam-pool-1', ipv4NetmaskLength: 20 });
    const pair = new PeeredVpcPair(s, 'P', { requester: a, accepter: b });
    pair.allowFromAccepter('Ssh', { securityGroup: sgIn(s, 'Bastion', a), port: ec2.Port.tcp(22) });
    Template.fromStack(s).resourceCountIs('AWS::EC2::SecurityGroupIngress', 1);
    Annotations.fromStack(s).hasWarning('/S/B', Match.stringLikeRegexp("Vpc 'S/B': secondary ipv4 block is not given \\(.*the security group rule 'Ingress-Ssh' does not allow it \\(1: PeeredVpcPair 'S/P'\\).*peering-peer-cidr-unknown"));
  });

  test.each(REFUSALS)('%s is refused', (_name, message, build) => {
    // GIVEN
    const app = newApp();
    const stacks = {
      use1: stackIn(app, 'Use1'),
      euw1: stackIn(app, 'Euw1', 'eu-west-1'),
      net: stackIn(app, 'Network'),
      partner: stackIn(app, 'Partner', 'us-east-1', PARTNER),
    };

    // WHEN / THEN
    expect(() => build(stacks)).toThrow(message);
  });
});
