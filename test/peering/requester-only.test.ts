import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { importedVpc, newApp, PARTNER, routeCounts, stackIn, vpcIn } from './helpers';
import { ConnectivityError } from '../../src/core/error';
import { PeeredVpcPair } from '../../src/peering';

const PARTNER_ROLE = 'arn:aws:iam::222222222222:role/peering-accepter';

/** A network-account requester peered with a partner VPC imported by its literal ID. */
function partnerApp(extra: Partial<import('../../src/peering').PeeredVpcPairProps> = {}) {
  const app = newApp();
  const net = stackIn(app, 'Network');
  const partner = stackIn(app, 'Partner', 'us-east-1', PARTNER);
  const accepter = importedVpc(partner, 'B', 'vpc-0bbbbbbb', '10.1.0.0/16');
  const pair = new PeeredVpcPair(net, 'Peering', {
    requester: vpcIn(net, 'A', '10.0.0.0/16'),
    accepter,
    peerRoleArn: PARTNER_ROLE,
    requesterOnly: true,
    ...extra,
  });
  return { app, net, partner, pair };
}

describe('PeeredVpcPair requester-only mode (the partner manages its side)', () => {
  test('nothing is deployed into the partner\'s account: no stack, role, function or route', () => {
    // GIVEN / WHEN
    const { app, net, partner, pair } = partnerApp();

    // THEN the request carries the partner's role
    Template.fromStack(net).hasResourceProperties('AWS::EC2::VPCPeeringConnection', {
      PeerVpcId: 'vpc-0bbbbbbb', PeerOwnerId: PARTNER, PeerRoleArn: PARTNER_ROLE,
    });
    expect(routeCounts(net)).toEqual({ '10.1.0.0/16': 4 });
    // and the partner's account holds nothing of ours
    expect(Object.keys(Template.fromStack(partner).toJSON().Resources ?? {})).toEqual([]);
    expect(app.node.tryFindChild('Network-Peering-Accepter')).toBeUndefined();
    expect(pair.accepterRoutes).toEqual([]);
    expect(pair.accepterStack).toBe(net);
    Template.fromStack(net).resourceCountIs('Custom::PeeringConnection', 0);
    Template.fromStack(net).resourceCountIs('AWS::Lambda::Function', 0);
  });

  test('the requester stack outputs exactly what the partner adds: a route per requester block via the connection', () => {
    const { net, pair } = partnerApp();
    const outputs = Template.fromStack(net).toJSON().Outputs;
    const instructions = Object.entries(outputs).find(([k]) => k.includes('PartnerInstructions'))![1] as any;
    const text = JSON.stringify(net.resolve(instructions.Value));
    expect(text).toMatch(/aws ec2 create-route --route-table-id <each route table of vpc-0bbbbbbb that reaches the requester> --destination-cidr-block 10\.0\.0\.0\/16 --vpc-peering-connection-id /);
    const connection = Object.keys(Template.fromStack(net).findResources('AWS::EC2::VPCPeeringConnection'))[0];
    expect(text).toContain(JSON.stringify({ Ref: connection }));
    expect(text).not.toMatch(/modify-vpc-peering-connection-options/);
    expect(Object.keys(outputs).some((k) => k.includes('PeeringConnectionIdOutput'))).toBe(true);
    expect(pair.partnerInstructions).toMatch(/create-route/);
  });

  test('with DNS resolution: the requester sets its own option; the partner is told the command for its side', () => {
    const { net } = partnerApp({ allowDnsResolution: true });
    const steps = Object.values(Template.fromStack(net).findResources('Custom::PeeringConnection')).map((r: any) => r.Properties);
    expect(steps).toEqual([expect.objectContaining({ Operation: 'DnsOptions', RequesterSide: true, AccepterSide: false })]);
    const outputs = Template.fromStack(net).toJSON().Outputs;
    const instructions = Object.entries(outputs).find(([k]) => k.includes('PartnerInstructions'))![1] as any;
    expect(JSON.stringify(net.resolve(instructions.Value))).toMatch(/--accepter-peering-connection-options AllowDnsResolutionFromRemoteVpc=true/);
  });

  test('control: without requesterOnly the same pair deploys the lookup into the partner\'s account', () => {
    const { partner } = partnerApp({ requesterOnly: false });
    Template.fromStack(partner).resourceCountIs('Custom::PeeringConnection', 1);
  });

  const REFUSALS: Array<[string, RegExp, () => void]> = [
    ['no peerRoleArn', /peerRoleArn undefined; in requester-only mode.*partner's role in account 222222222222/s,
      () => partnerApp({ peerRoleArn: undefined })],
    ['accepterSubnets', /accepterSubnets given; .*Remove accepterSubnets/s, () => partnerApp({ accepterSubnets: [{}] })],
    ['one account', /requesterOnly.*both VPCs are in account 111111111111.*peering-requester-only-mode/s, () => {
      const app = newApp();
      const s = stackIn(app, 'S');
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: vpcIn(s, 'B', '10.1.0.0/16'), requesterOnly: true });
    }],
    ['allowFromRequester (the accepter\'s security groups are the partner\'s)', /allowFromRequester\('Db'\).*Ask the partner to admit the requester's blocks \(10\.0\.0\.0\/16\)/s, () => {
      const { partner, pair } = partnerApp();
      const sg = ec2.SecurityGroup.fromSecurityGroupId(partner, 'Sg', 'sg-0123456789abcdef0');
      pair.allowFromRequester('Db', { securityGroup: sg, port: ec2.Port.tcp(5432) });
    }],
  ];

  test.each(REFUSALS)('refused: %s', (_name, message, build) => {
    let error: unknown;
    try {
      build();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConnectivityError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(/peering-requester-only-mode/);
  });
});
