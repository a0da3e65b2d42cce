import { App, CfnParameter, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { importedVpc, newApp, PARTNER, stackIn, synthErrors, vpcIn } from './helpers';
import { PeeredVpcPair, PeeringAccepterRole } from '../../src';

/** Every warning of every stack of the app, as text. */
function warningsOf(app: App): string[] {
  return app.node.findAll().filter((c): c is Stack => c instanceof Stack)
    .flatMap((s) => Annotations.fromStack(s).findWarning('*', Match.anyValue()))
    .map((w) => String(w.entry.data));
}

/** A cross-account pair whose accepter is imported with a literal ID into the partner's stack. */
function crossAccount(peerRoleArn: string | ((s: Stack) => string)): App {
  const app = newApp();
  const s = stackIn(app, 'S');
  const partner = stackIn(app, 'Partner', 'us-east-1', PARTNER);
  new PeeredVpcPair(s, 'P', {
    requester: vpcIn(s, 'A', '10.0.0.0/16'),
    accepter: importedVpc(partner, 'B', 'vpc-0bbbbbbb', '10.1.0.0/16'),
    peerRoleArn: typeof peerRoleArn === 'string' ? peerRoleArn : peerRoleArn(s),
  });
  return app;
}

describe('peerRoleArn: an IAM role of the accepter account and partition', () => {
  test.each([
    ['not an ARN', 'peering-acceptor', /peerRoleArn "peering-acceptor"; it is not an ARN/],
    ['an IAM user, not a role', 'arn:aws:iam::222222222222:user/alice', /it is an ARN of IAM resource "user\/alice", not of an IAM role/],
    ['an ARN of another service', 'arn:aws:s3:::my-bucket', /it is an ARN of service "s3", not of an IAM role/],
    ['a role of another account', 'arn:aws:iam::333333333333:role/acceptor', /the role is in account 333333333333, not in the accepter VPC's account; the accepter account 222222222222/],
    ['a role of another partition', 'arn:aws-cn:iam::222222222222:role/acceptor', /partition aws-cn, but the accepter VPC is in us-east-1 \(partition aws\).*Use arn:aws:iam::222222222222:role\/<name>/],
    ['an account that is not 12 digits', 'arn:aws:iam::2222:role/acceptor', /its account "2222" is not a 12-digit AWS account ID/],
  ])('peering-peer-role-invalid: %s is refused', (_name, arn, message) => {
    expect(() => crossAccount(arn)).toThrow(message);
    expect(() => crossAccount(arn)).toThrow(/\[cdk-private-connectivity:peering-peer-role-invalid\]/);
  });

  test('a role of the accepter account, with a path, is accepted without a warning (valid control)', () => {
    const app = crossAccount('arn:aws:iam::222222222222:role/network/peering-acceptor');
    expect(synthErrors(app)).toBe('');
    expect(warningsOf(app)).toEqual([]);
  });

  test('peering-peer-role-unknown: a token peerRoleArn is warned about, not passed silently', () => {
    const app = crossAccount((s) => new CfnParameter(s, 'RoleArn').valueAsString);
    expect(synthErrors(app)).toBe('');
    expect(warningsOf(app).join('\n')).toMatch(/peerRoleArn \(unresolved token .*\); whether it names an IAM role of the accepter account 222222222222 is not checked.*peering-peer-role-unknown/);
  });

  test('peering-peer-role-unused: a peerRoleArn on a same-account pair is warned about; without it, no warning', () => {
    // GIVEN
    const app = newApp();
    const s = stackIn(app, 'S');
    new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: vpcIn(s, 'B', '10.1.0.0/16'), peerRoleArn: 'arn:aws:iam::111111111111:role/x' });
    new PeeredVpcPair(s, 'Q', { requester: vpcIn(s, 'C', '10.2.0.0/16'), accepter: vpcIn(s, 'D', '10.3.0.0/16') });

    // THEN
    const warnings = warningsOf(app);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/'S\/P': peerRoleArn "arn:aws:iam::111111111111:role\/x", but both VPCs are in account 111111111111.*peering-peer-role-unused/);
  });
});

describe('return paths: each side gets routes back', () => {
  test('peering-side-no-routes: a selection that selects no route table is refused', () => {
    const app = newApp();
    const s = stackIn(app, 'S');
    expect(() => new PeeredVpcPair(s, 'P', {
      requester: vpcIn(s, 'A', '10.0.0.0/16'),
      accepter: vpcIn(s, 'B', '10.1.0.0/16'),
      accepterSubnets: [{ subnets: [] }],
    })).toThrow(/'S\/P': accepterSubnets \["0 subnet\(s\)"\] select no subnet with a route table in S\/B; the accepter gets no route to the requester, so the requester's routes carry traffic one way only.*peering-side-no-routes/);
  });

  test('peering-side-routes-unknown: an imported VPC without subnets is warned about; with subnets, no warning', () => {
    // GIVEN
    const app = newApp();
    const s = stackIn(app, 'S');
    const bare = ec2.Vpc.fromVpcAttributes(s, 'Bare', { vpcId: 'vpc-0bare', vpcCidrBlock: '10.1.0.0/16', availabilityZones: ['us-east-1a'] });
    new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: bare });
    new PeeredVpcPair(s, 'Q', { requester: vpcIn(s, 'C', '10.2.0.0/16'), accepter: importedVpc(s, 'D', 'vpc-0dddddddd', '10.3.0.0/16') });

    // THEN
    const warnings = warningsOf(app);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/'S\/P': accepter S\/Bare has no subnets the pair can see .*; the accepter gets no route to the requester.*peering-side-routes-unknown/);
  });
});

describe('addresses outside RFC 1918 and peering DNS resolution', () => {
  test.each([
    ['shared address space 100.64.0.0/10', '100.64.0.0/16'],
    ['a public range used privately', '54.10.0.0/16'],
  ])('peering-dns-non-rfc1918: %s without allowDnsResolution is warned about', (_name, cidr) => {
    const app = newApp();
    const s = stackIn(app, 'S');
    new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: vpcIn(s, 'B', cidr) });
    const warnings = warningsOf(app);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(new RegExp(`'S/B': IPv4 blocks ${cidr.replace(/\./g, '\\.')} are outside RFC 1918.*private DNS hostnames.*peering-dns-non-rfc1918`));
  });

  test('with allowDnsResolution, or with RFC 1918 blocks only, nothing is warned (valid controls)', () => {
    const app = newApp();
    const s = stackIn(app, 'S');
    new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: vpcIn(s, 'B', '100.64.0.0/16'), allowDnsResolution: true });
    new PeeredVpcPair(s, 'Q', { requester: vpcIn(s, 'C', '172.16.0.0/16'), accepter: vpcIn(s, 'D', '192.168.0.0/16') });
    expect(warningsOf(app).filter((w) => /peering-dns-non-rfc1918/.test(w))).toEqual([]);
  });
});

describe('the same pair declared from two stacks', () => {
  test('graph-duplicate-peering: refused in the constructor, before CDK reports a dependency cycle', () => {
    const app = newApp();
    const a = stackIn(app, 'A');
    const b = stackIn(app, 'B');
    const va = vpcIn(a, 'Va', '10.0.0.0/16');
    const vb = vpcIn(b, 'Vb', '10.1.0.0/16');
    new PeeredVpcPair(a, 'P1', { requester: va, accepter: vb });
    expect(() => new PeeredVpcPair(b, 'P2', { requester: vb, accepter: va }))
      .toThrow(/'B\/P2': requester\/accepter .* is already peered by 'A\/P1' \(stack A\); AWS allows one VPC peering connection between two VPCs.*dependency cycle.*graph-duplicate-peering/);
  });

  test('two different pairs across the same two stacks synthesize (valid control)', () => {
    const app = newApp();
    const a = stackIn(app, 'A');
    const b = stackIn(app, 'B');
    new PeeredVpcPair(a, 'P1', { requester: vpcIn(a, 'Va', '10.0.0.0/16'), accepter: vpcIn(b, 'Vb', '10.1.0.0/16') });
    new PeeredVpcPair(a, 'P2', { requester: vpcIn(a, 'Vc', '10.2.0.0/16'), accepter: vpcIn(b, 'Vd', '10.3.0.0/16') });
    expect(synthErrors(app)).toBe('');
  });

  test('two imports of one VPC ID, each peered with the same VPC from its own stack: refused; other IDs pass', () => {
    // GIVEN: one owned VPC, and the partner's VPC imported in two stacks (the same ID twice, then another ID)
    const app = newApp();
    const hubStack = stackIn(app, 'Hub');
    const hub = vpcIn(hubStack, 'Vpc', '10.0.0.0/16');
    const first = stackIn(app, 'First');
    new PeeredVpcPair(first, 'P', { requester: hub, accepter: importedVpc(first, 'Partner', 'vpc-0123456789abcdef0', '10.9.0.0/16') });
    const other = stackIn(app, 'Other');
    // Valid control: another VPC ID is another VPC.
    expect(() => new PeeredVpcPair(other, 'P', { requester: hub, accepter: importedVpc(other, 'Partner', 'vpc-0fedcba9876543210', '10.8.0.0/16') })).not.toThrow();
    const second = stackIn(app, 'Second');

    // WHEN / THEN
    expect(() => new PeeredVpcPair(second, 'P', { requester: importedVpc(second, 'Partner', 'vpc-0123456789abcdef0', '10.9.0.0/16'), accepter: hub }))
      .toThrow(/'Second\/P': requester\/accepter .*vpc-0123456789abcdef0.* is already peered by 'First\/P' \(stack First\).*graph-duplicate-peering/);
  });

  test('a hub peered from a stack per spoke: the pair declared again after other pairs is still found', () => {
    // GIVEN: the hub peered with three spokes, each pair in its spoke's stack
    const app = newApp();
    const hubStack = stackIn(app, 'Hub');
    const hub = vpcIn(hubStack, 'Vpc', '10.0.0.0/16');
    const spokes = [1, 2, 3].map((i) => {
      const s = stackIn(app, `Spoke${i}`);
      const vpc = vpcIn(s, 'Vpc', `10.${i}.0.0/16`);
      new PeeredVpcPair(s, 'ToHub', { requester: vpc, accepter: hub });
      return vpc;
    });

    // WHEN / THEN: the last spoke's pair again (made after the earlier checks), from the hub's stack and the other way round
    expect(() => new PeeredVpcPair(hubStack, 'Again', { requester: hub, accepter: spokes[2] }))
      .toThrow(/'Hub\/Again': requester\/accepter .* is already peered by 'Spoke3\/ToHub' \(stack Spoke3\).*graph-duplicate-peering/);
    // The three spokes' own pairs were each accepted (valid control).
    expect(() => new PeeredVpcPair(hubStack, 'Other', { requester: hub, accepter: vpcIn(hubStack, 'Fourth', '10.4.0.0/16') })).not.toThrow();
  });
});

describe('plain security-group references across an inter-region peering', () => {
  function twoRegions(): { app: App; a: Stack; b: Stack; va: ec2.Vpc; vb: ec2.Vpc } {
    const app = newApp();
    const a = stackIn(app, 'A');
    const b = stackIn(app, 'B', 'eu-west-1');
    const va = vpcIn(a, 'Va', '10.0.0.0/16');
    const vb = vpcIn(b, 'Vb', '10.1.0.0/16');
    new PeeredVpcPair(a, 'P', { requester: va, accepter: vb });
    return { app, a, b, va, vb };
  }

  test('peering-sg-cross-region: an ingress rule naming the other region\'s group says what is wrong, not a cycle', () => {
    const { app, a, b, va, vb } = twoRegions();
    const sgA = new ec2.SecurityGroup(a, 'App', { vpc: va });
    const sgB = new ec2.SecurityGroup(b, 'Db', { vpc: vb });
    sgB.addIngressRule(sgA, ec2.Port.tcp(5432));

    const msg = synthErrors(app);
    expect(msg).toMatch(/sourceSecurityGroupId references security group 'A\/App' in us-east-1 from a rule of 'B\/Db' in eu-west-1; security groups cannot be referenced across an inter-region VPC peering \(here 'A\/P'\).*ec2\.Peer\.ipv4.*peering-sg-cross-region/);
    expect(msg).not.toMatch(/cyclic/);
  });

  test('peering-sg-cross-region: an egress rule naming the other region\'s group is refused too', () => {
    const { app, a, b, va, vb } = twoRegions();
    const sgA = new ec2.SecurityGroup(a, 'App', { vpc: va, allowAllOutbound: false });
    const sgB = new ec2.SecurityGroup(b, 'Db', { vpc: vb });
    sgA.addEgressRule(sgB, ec2.Port.tcp(5432));
    expect(synthErrors(app)).toMatch(/destinationSecurityGroupId references security group 'B\/Db' in eu-west-1 from a rule of 'A\/App' in us-east-1.*peering-sg-cross-region/);
  });

  test('CIDR rules across regions, and group references within a region, synthesize (valid controls)', () => {
    const { app, a, b, va, vb } = twoRegions();
    const sgA = new ec2.SecurityGroup(a, 'App', { vpc: va });
    const sgA2 = new ec2.SecurityGroup(a, 'Cache', { vpc: va });
    const sgB = new ec2.SecurityGroup(b, 'Db', { vpc: vb });
    sgB.addIngressRule(ec2.Peer.ipv4('10.0.0.0/16'), ec2.Port.tcp(5432));
    sgA2.addIngressRule(sgA, ec2.Port.tcp(6379));
    expect(synthErrors(app)).toBe('');
  });
});

describe('peerRoleArn from a role of this app', () => {
  function withOwnRole(roleAccount: string): () => void {
    return () => {
      const app = newApp();
      const s = stackIn(app, 'S');
      const partner = stackIn(app, 'Partner', 'us-east-1', PARTNER);
      const roleStack = stackIn(app, 'Roles', 'us-east-1', roleAccount);
      const accepter = importedVpc(partner, 'B', 'vpc-0bbbbbbb', '10.1.0.0/16');
      const role = new PeeringAccepterRole(roleStack, 'Acceptor', { accepterVpc: accepter, requesterAccount: '111111111111' });
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter, peerRoleArn: role.roleArn });
      const warnings = warningsOf(app).filter((w) => /peering-peer-role/.test(w));
      expect(warnings).toEqual([]);
    };
  }

  test('a PeeringAccepterRole of the accepter account is read, not warned about (valid control)', () => {
    expect(withOwnRole(PARTNER)).not.toThrow();
  });

  test('peering-peer-role-invalid: a role of this app in another account is refused', () => {
    expect(withOwnRole('333333333333')).toThrow(/peerRoleArn the ARN of role Roles\/Acceptor\/Resource, in account 333333333333; the role is not in the accepter VPC's account.*peering-peer-role-invalid/);
  });
});
