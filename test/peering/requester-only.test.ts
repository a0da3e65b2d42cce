import { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { newApp, PARTNER, routeCounts, stackIn, vpcIn } from './helpers';
import { ConnectivityError } from '../../src/core/error';
import { PeeredVpcPair } from '../../src/peering';

const PARTNER_ROLE = 'arn:aws:iam::222222222222:role/peering-accepter';

/** What `Vpc.fromLookup` returns for the partner's VPC (account 222..., seen from the network account). */
const LOOKUP_CONTEXT = {
  'vpc-provider:account=111111111111:filter.owner-id=222222222222:filter.vpc-id=vpc-0partner:region=us-east-1:returnAsymmetricSubnets=true': {
    vpcId: 'vpc-0partner',
    vpcCidrBlock: '10.1.0.0/16',
    ownerAccountId: PARTNER,
    availabilityZones: [],
    subnetGroups: [{ name: 'iso', type: 'Isolated', subnets: [{ subnetId: 'subnet-p', cidr: '10.1.0.0/24', availabilityZone: 'us-east-1a', routeTableId: 'rtb-p' }] }],
  },
};

/** A network-account requester peered with the partner's VPC, looked up by ID and owner: no partner stack. */
function partnerApp(extra: Partial<import('../../src/peering').PeeredVpcPairProps> = {}) {
  const app = newApp(LOOKUP_CONTEXT);
  const net = stackIn(app, 'Network');
  const accepter = ec2.Vpc.fromLookup(net, 'PartnerVpc', { vpcId: 'vpc-0partner', ownerAccountId: PARTNER });
  const pair = new PeeredVpcPair(net, 'Peering', {
    requester: vpcIn(net, 'A', '10.0.0.0/16'),
    accepter,
    peerRoleArn: PARTNER_ROLE,
    requesterOnly: true,
    ...extra,
  });
  return { app, net, pair };
}

describe('PeeredVpcPair requester-only mode (the partner manages its side)', () => {
  test('nothing is deployed into the partner\'s account: no stack, role, function or route', () => {
    // GIVEN / WHEN
    const { app, net, pair } = partnerApp();

    // THEN the request carries the partner's role
    Template.fromStack(net).hasResourceProperties('AWS::EC2::VPCPeeringConnection', {
      PeerVpcId: 'vpc-0partner', PeerOwnerId: PARTNER, PeerRoleArn: PARTNER_ROLE,
    });
    expect(routeCounts(net)).toEqual({ '10.1.0.0/16': 4 });
    // and the app holds no stack of the partner's account
    expect(app.node.children.filter((c) => c instanceof Stack).map((c) => c.node.id)).toEqual(['Network']);
    expect(pair.accepterRoutes).toEqual([]);
    expect(pair.accepterStack).toBe(net);
    Template.fromStack(net).resourceCountIs('Custom::PeeringConnection', 0);
    // no route into the partner's route table from our side
    expect(JSON.stringify(Template.fromStack(net).toJSON())).not.toContain('rtb-p');
  });

  test('the requester stack outputs exactly what the partner adds: a route per requester block via the connection', () => {
    const { net, pair } = partnerApp();
    const outputs = Template.fromStack(net).toJSON().Outputs;
    const instructions = Object.entries(outputs).find(([k]) => k.includes('PartnerInstructions'))![1] as any;
    const text = JSON.stringify(net.resolve(instructions.Value));
    expect(text).toMatch(/aws ec2 create-route --route-table-id <each route table of vpc-0partner that reaches the requester> --destination-cidr-block 10\.0\.0\.0\/16 --vpc-peering-connection-id /);
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

  test('a requester block the instructions cannot name is said, not left out silently', () => {
    // GIVEN a requester imported without its block
    const app = newApp(LOOKUP_CONTEXT);
    const net = stackIn(app, 'Network');
    const requester = ec2.Vpc.fromVpcAttributes(net, 'A', {
      vpcId: 'vpc-0aaaaaaa', availabilityZones: ['us-east-1a'], isolatedSubnetIds: ['subnet-a'], isolatedSubnetRouteTableIds: ['rtb-a'],
    });

    // WHEN
    new PeeredVpcPair(net, 'Peering', {
      requester,
      accepter: ec2.Vpc.fromLookup(net, 'PartnerVpc', { vpcId: 'vpc-0partner', ownerAccountId: PARTNER }),
      peerRoleArn: PARTNER_ROLE,
      requesterOnly: true,
    });

    // THEN
    Annotations.fromStack(net).hasWarning('/Network/A',
      Match.stringLikeRegexp("'Network/A': imported ipv4 block is not given \\(the imported VPC was given no vpcCidrBlock\\); it affects 1 construct: the partner instructions leave it out \\(1: PeeredVpcPair 'Network/Peering'\\).*peering-peer-cidr-unknown"));
  });

  test('control: a requester whose blocks are known raises no such warning', () => {
    const { net } = partnerApp();
    Annotations.fromStack(net).hasNoWarning('*', Match.stringLikeRegexp('peering-peer-cidr-unknown'));
  });

  test('control: without requesterOnly the same pair adds routes to the partner\'s route table and a lookup in its account', () => {
    const { app } = partnerApp({ requesterOnly: false });
    const accepterStack = app.node.findChild('Network-Peering-Accepter') as Stack;
    expect(accepterStack.account).toEqual(PARTNER);
    Template.fromStack(accepterStack).resourceCountIs('Custom::PeeringConnection', 1);
    Template.fromStack(accepterStack).hasResourceProperties('AWS::EC2::Route', { RouteTableId: 'rtb-p' });
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
      const { net, pair } = partnerApp();
      const sg = ec2.SecurityGroup.fromSecurityGroupId(net, 'Sg', 'sg-0123456789abcdef0');
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
