import * as fs from 'fs';
import { join } from 'path';
import { App, Annotations as CoreAnnotations, CfnWaitConditionHandle, Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { addExampleEstate } from '../../examples/estate';
import { Rules, warningId, WARNING_PREFIX } from '../../src/core/rules';
import { show, warn, warnOnce } from '../../src/core/warnings';
import { GatewayEndpointService, GatewayEndpointSet, InterfaceEndpointService, InterfaceEndpointSet } from '../../src/endpoints';
import { PeeredVpcPair } from '../../src/peering';
import { PrivateLinkEndpoint, PrivateLinkService } from '../../src/privatelink';

const REGION = warningId(Rules.VPC_REGION_UNKNOWN);

/** Every warning of this library in the app's stacks: [construct path, message]. */
function ourWarnings(app: App): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const s of app.synth({ force: true }).stacks) {
    for (const m of s.messages) {
      if (m.level === 'warning' && String(m.entry.data).includes(`[${WARNING_PREFIX}:`)) out.push([m.id, String(m.entry.data)]);
    }
  }
  return out;
}

/** A stack with one resource (a template needs one: the cdk init flags validate templates). */
function stackWithResource(app: App, id: string): Stack {
  const s = new Stack(app, id);
  new CfnWaitConditionHandle(s, 'Placeholder');
  return s;
}

/** An IPv4-only VPC with one isolated subnet in one AZ. */
function vpc(scope: Construct, id: string, cidr: string): ec2.Vpc {
  return new ec2.Vpc(scope, id, {
    ipAddresses: ec2.IpAddresses.cidr(cidr),
    maxAzs: 1,
    natGateways: 0,
    restrictDefaultSecurityGroup: false,
    subnetConfiguration: [{ name: 'iso', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
}

/** An IPAM-allocated VPC: its primary block is a token. */
function ipamVpc(scope: Construct, id: string): ec2.Vpc {
  return new ec2.Vpc(scope, id, {
    ipAddresses: ec2.IpAddresses.awsIpamAllocation({ ipv4IpamPoolId: 'ipam-pool-1', ipv4NetmaskLength: 16, defaultSubnetIpv4NetmaskLength: 24 }),
    maxAzs: 1,
    natGateways: 0,
    restrictDefaultSecurityGroup: false,
    subnetConfiguration: [{ name: 'iso', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
}

/** Every pair of `vpcs` peered, in `scope`. */
function fullMesh(scope: Construct, vpcs: ec2.IVpc[]): void {
  for (let i = 0; i < vpcs.length; i++) {
    for (let j = i + 1; j < vpcs.length; j++) new PeeredVpcPair(scope, `P${i}x${j}`, { requester: vpcs[i], accepter: vpcs[j] });
  }
}

const ENV = { account: '111111111111', region: 'us-east-1' };

describe('warnOnce', () => {
  /** A stack (the cause) and `n` constructs in it that share the cause. */
  function shared(n: number) {
    const app = new App();
    const stack = stackWithResource(app, 'S');
    const users = Array.from({ length: n }, (_, i) => new Construct(stack, `User${i}`));
    return { app, stack, users };
  }
  const skip = { prop: 'region', received: 'is a token (environment-agnostic stack)', rule: 'the check X is skipped' };

  test('one cause shared by many constructs: one warning on the cause, with the count and the first three named', () => {
    // GIVEN
    const { app, stack, users } = shared(5);

    // WHEN
    for (const u of users) warnOnce(u, { scope: stack }, Rules.VPC_REGION_UNKNOWN, skip);

    // THEN
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.anyValue());
    expect(warnings.map((w) => w.id)).toEqual(['/S']);
    expect(warnings[0].entry.data).toBe(
      "Stack 'S': region is a token (environment-agnostic stack); it affects 5 constructs: the check X is skipped "
      + "(5: Construct 'S/User0', Construct 'S/User1', Construct 'S/User2' and 2 more). "
      + `${Rules.VPC_REGION_UNKNOWN.fix} [${REGION}] [ack: ${REGION}]`);
    expect(ourWarnings(app)).toHaveLength(1);
  });

  test('control: a single affected construct is named, with no "more"', () => {
    const { stack, users } = shared(1);
    warnOnce(users[0], { scope: stack }, Rules.VPC_REGION_UNKNOWN, skip);
    Annotations.fromStack(stack).hasWarning('/S', Match.stringLikeRegexp("it affects 1 construct: the check X is skipped \\(1: Construct 'S/User0'\\)\\. "));
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('more'))).toHaveLength(0);
  });

  test('the same construct reported again, and synthesized again, is counted once', () => {
    const { app, stack, users } = shared(2);
    for (let round = 0; round < 3; round++) {
      for (const u of users) warnOnce(u, { scope: stack }, Rules.VPC_REGION_UNKNOWN, skip);
      app.synth({ force: true });
    }
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.anyValue());
    expect(warnings).toHaveLength(1);
    expect(warnings[0].entry.data).toMatch(/it affects 2 constructs: the check X is skipped \(2: Construct 'S\/User0', Construct 'S\/User1'\)/);
  });

  test('constructs that join after a synth are in the next synth\'s message', () => {
    const { app, stack, users } = shared(2);
    warnOnce(users[0], { scope: stack }, Rules.VPC_REGION_UNKNOWN, skip);
    expect(ourWarnings(app)[0][1]).toMatch(/it affects 1 construct:/);
    warnOnce(users[1], { scope: stack }, Rules.VPC_REGION_UNKNOWN, skip);
    expect(ourWarnings(app)).toEqual([['/S', expect.stringMatching(/it affects 2 constructs:/)]]);
  });

  test('what the constructs skip is grouped: each consequence with its own count, every distinct fix once', () => {
    const { stack, users } = shared(3);
    warnOnce(users[0], { scope: stack }, Rules.VPC_REGION_UNKNOWN, skip);
    warnOnce(users[1], { scope: stack }, Rules.VPC_REGION_UNKNOWN, skip);
    warnOnce(users[2], { scope: stack }, Rules.VPC_REGION_UNKNOWN, { ...skip, rule: 'the check Y is skipped', fix: 'Do Y.' });
    const [w] = Annotations.fromStack(stack).findWarning('*', Match.anyValue());
    expect(w.entry.data).toMatch(new RegExp(
      "it affects 3 constructs: the check X is skipped \\(2: Construct 'S/User0', Construct 'S/User1'\\); "
      + "the check Y is skipped \\(1: Construct 'S/User2'\\)\\. Give the stack an explicit env: \\{ account, region \\}\\. Do Y\\. "));
  });

  test('different causes warn separately: another scope, another key, another rule', () => {
    // GIVEN
    const app = new App();
    const s1 = stackWithResource(app, 'S1');
    const s2 = stackWithResource(app, 'S2');
    const u = new Construct(s1, 'User');

    // WHEN
    warnOnce(u, { scope: s1 }, Rules.VPC_REGION_UNKNOWN, skip);
    warnOnce(u, { scope: s2 }, Rules.VPC_REGION_UNKNOWN, skip);
    warnOnce(u, { scope: s1, key: 'other' }, Rules.VPC_REGION_UNKNOWN, { ...skip, prop: 'other region' });
    warnOnce(u, { scope: s1 }, Rules.PEERING_ACCOUNT_UNKNOWN, { ...skip, prop: 'account' });

    // THEN
    expect(ourWarnings(app).map(([path, text]) => [path, text.match(/\[(cdk-private-connectivity:[a-z-]+)\]/)![1]])).toEqual([
      ['/S1', REGION], ['/S1', REGION], ['/S1', warningId(Rules.PEERING_ACCOUNT_UNKNOWN)], ['/S2', REGION],
    ]);
  });

  test('two apps in one process never share a cause', () => {
    const a = shared(1);
    const b = shared(1);
    warnOnce(a.users[0], { scope: a.stack }, Rules.VPC_REGION_UNKNOWN, skip);
    warnOnce(b.users[0], { scope: b.stack }, Rules.VPC_REGION_UNKNOWN, skip);
    expect(ourWarnings(a.app)).toHaveLength(1);
    expect(ourWarnings(b.app)).toHaveLength(1);
    expect(ourWarnings(b.app)[0][1]).toMatch(/it affects 1 construct:/);
  });

  describe('acknowledged by ID, as in aws-cdk-lib', () => {
    // aws-cdk-lib looks for an acknowledgement on the construct and the constructs above it, the
    // app excepted; acknowledging on the app removes the warnings already added.
    test.each([
      ['the cause\'s scope, before', 'stack', true],
      ['the cause\'s scope, after', 'stack', false],
      ['the app, after', 'app', false],
    ] as const)('on %s: no warning', (_title, where, before) => {
      // GIVEN
      const { app, stack, users } = shared(3);
      const ack = () => CoreAnnotations.of(where === 'app' ? app : stack).acknowledgeWarning(REGION, 'env-agnostic on purpose');

      // WHEN
      if (before) ack();
      for (const u of users) warnOnce(u, { scope: stack }, Rules.VPC_REGION_UNKNOWN, skip);
      if (!before) ack();
      warnOnce(new Construct(stack, 'Late'), { scope: stack }, Rules.VPC_REGION_UNKNOWN, skip);

      // THEN
      expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toHaveLength(0);
    });

    test('on the app, before the constructs: aws-cdk-lib does not look at the app, so the warning stays (the README says so)', () => {
      const { app, stack, users } = shared(1);
      CoreAnnotations.of(app).acknowledgeWarning(REGION);
      warnOnce(users[0], { scope: stack }, Rules.VPC_REGION_UNKNOWN, skip);
      Annotations.fromStack(stack).hasWarning('/S', Match.stringLikeRegexp(REGION));
    });

    test('on the stack, before the graph\'s synth-time warnings: quiet', () => {
      // GIVEN: the graph adds the peering region warning at synth
      const app = new App();
      const s = new Stack(app, 'Mesh');
      CoreAnnotations.of(s).acknowledgeWarning(REGION);
      CoreAnnotations.of(s).acknowledgeWarning(warningId(Rules.PEERING_ACCOUNT_UNKNOWN));

      // WHEN
      fullMesh(s, [vpc(s, 'A', '10.0.0.0/16'), vpc(s, 'B', '10.1.0.0/16')]);

      // THEN
      expect(ourWarnings(app)).toEqual([]);
    });

    test('control: acknowledging another ID, or on another stack, leaves the warning', () => {
      const { app, stack, users } = shared(1);
      CoreAnnotations.of(stack).acknowledgeWarning(warningId(Rules.VPC_CIDR_UNKNOWN));
      CoreAnnotations.of(stackWithResource(app, 'Other')).acknowledgeWarning(REGION);
      warnOnce(users[0], { scope: stack }, Rules.VPC_REGION_UNKNOWN, skip);
      Annotations.fromStack(stack).hasWarning('/S', Match.stringLikeRegexp(REGION));
    });
  });

  test('warn: one construct\'s own problem, on that construct', () => {
    const { stack, users } = shared(1);
    warn(users[0], Rules.PRIVATELINK_NO_PRINCIPALS, { prop: 'allowedPrincipals', received: show([]), rule: 'nobody can connect' });
    Annotations.fromStack(stack).hasWarning('/S/User0', Match.stringLikeRegexp("Construct 'S/User0': allowedPrincipals \\[\\]; nobody can connect"));
  });
});

describe('one warning per cause, in every family', () => {
  test('peering: an environment-agnostic mesh warns once per stack for account and region; another stack warns on its own', () => {
    // GIVEN: a 4-VPC mesh in one environment-agnostic stack, a pair in another
    const app = new App();
    const mesh = new Stack(app, 'Mesh');
    fullMesh(mesh, [0, 1, 2, 3].map((i) => vpc(mesh, `Vpc${i}`, `10.${i}.0.0/16`)));
    const other = new Stack(app, 'Other');
    fullMesh(other, [vpc(other, 'A', '10.10.0.0/16'), vpc(other, 'B', '10.11.0.0/16')]);

    // THEN
    const warnings = ourWarnings(app);
    expect(warnings.map(([path]) => path)).toEqual(['/Mesh', '/Mesh', '/Other', '/Other']);
    expect(warnings[0][1]).toMatch(/^Stack 'Mesh': account is a token \(environment-agnostic stack\); it affects 6 constructs: each pair assumes both VPCs are in the same account \(6: PeeredVpcPair 'Mesh\/P0x1', PeeredVpcPair 'Mesh\/P0x2', PeeredVpcPair 'Mesh\/P0x3' and 3 more\).*peering-account-unknown/);
    expect(warnings[1][1]).toMatch(/^Stack 'Mesh': region is a token \(environment-agnostic stack\); it affects 6 constructs: peerings skip the partition and cross-region checks \(6: .* and 3 more\).*vpc-region-unknown/);
    expect(warnings[2][1]).toMatch(/it affects 1 construct: .*PeeredVpcPair 'Other\/P0x1'.*peering-account-unknown/);
  });

  test('peering: a token block warns once per VPC for every pair that cannot route to it; another VPC\'s block separately', () => {
    // GIVEN: two IPAM VPCs, each peered with the same two VPCs
    const app = new App();
    const s = new Stack(app, 'S', { env: ENV });
    const [a, b] = [vpc(s, 'A', '10.0.0.0/16'), vpc(s, 'B', '10.1.0.0/16')];
    const [x, y] = [ipamVpc(s, 'X'), ipamVpc(s, 'Y')];
    for (const [id, req, acc] of [['XA', x, a], ['XB', x, b], ['YA', y, a], ['YB', y, b]] as const) {
      new PeeredVpcPair(s, id, { requester: req, accepter: acc });
    }

    // THEN: per VPC, one peering-peer-cidr-unknown (no route) and one vpc-cidr-unknown (no overlap check)
    const peerCidr = Annotations.fromStack(s).findWarning('*', Match.stringLikeRegexp('peering-peer-cidr-unknown'));
    expect(peerCidr.map((w) => w.id)).toEqual(['/S/X', '/S/Y']);
    expect(peerCidr[0].entry.data).toMatch(/^Vpc 'S\/X': primary ipv4 block .*IPAM.*it affects 2 constructs: no accepter route to it is added \(2: PeeredVpcPair 'S\/XA', PeeredVpcPair 'S\/XB'\)/);
    const cidr = Annotations.fromStack(s).findWarning('*', Match.stringLikeRegexp('vpc-cidr-unknown'));
    expect(cidr.map((w) => w.id)).toEqual(['/S/X', '/S/Y']);
    expect(ourWarnings(app)).toHaveLength(4);
  });

  test('privatelink: endpoints of an environment-agnostic stack warn once for its region; an unverified name once per service', () => {
    // GIVEN: one provider with two services whose names are not verified, three endpoints
    const app = new App();
    const s = new Stack(app, 'S');
    const provider = vpc(s, 'Provider', '10.0.0.0/16');
    const consumer = vpc(s, 'Consumer', '10.1.0.0/16');
    const orders = new PrivateLinkService(s, 'Orders', { vpc: provider, listeners: [{ port: 443 }], privateDnsName: 'orders.example.com', allowedPrincipals: [] });
    const billing = new PrivateLinkService(s, 'Billing', { vpc: provider, listeners: [{ port: 443 }], privateDnsName: 'billing.example.com', allowedPrincipals: [] });
    for (const [id, service] of [['O1', orders], ['O2', orders], ['B1', billing]] as const) {
      new PrivateLinkEndpoint(s, id, { vpc: consumer, service, privateDnsEnabled: true });
    }

    // THEN
    const region = Annotations.fromStack(s).findWarning('*', Match.stringLikeRegexp(REGION));
    expect(region.map((w) => w.id)).toEqual(['/S']);
    expect(region[0].entry.data).toMatch(/it affects 3 constructs: PrivateLink endpoints skip the cross-region, partition and Availability Zone checks \(3: PrivateLinkEndpoint 'S\/O1', PrivateLinkEndpoint 'S\/O2', PrivateLinkEndpoint 'S\/B1'\)/);
    const dns = Annotations.fromStack(s).findWarning('*', Match.stringLikeRegexp('privatelink-private-dns-unverified'));
    expect(dns.map((w) => w.id)).toEqual(['/S/Orders', '/S/Billing']);
    expect(dns[0].entry.data).toMatch(/"orders\.example\.com" is not declared verified; it affects 2 constructs: .*\(2: PrivateLinkEndpoint 'S\/O1', PrivateLinkEndpoint 'S\/O2'\)/);
  });

  test('endpoints: every set and gateway endpoint of an environment-agnostic stack shares one region warning; another stack has its own', () => {
    // GIVEN
    const app = new App();
    const s = new Stack(app, 'S');
    const v = vpc(s, 'Vpc', '10.0.0.0/16');
    new GatewayEndpointSet(s, 'Gw', { vpc: v, services: [GatewayEndpointService.S3, GatewayEndpointService.DYNAMODB] });
    new InterfaceEndpointSet(s, 'If', { vpc: v, services: [InterfaceEndpointService.SNS, InterfaceEndpointService.SQS] });
    const t = new Stack(app, 'T');
    new GatewayEndpointSet(t, 'Gw', { vpc: vpc(t, 'Vpc', '10.0.0.0/16'), services: [GatewayEndpointService.S3] });

    // THEN
    const region = ourWarnings(app).filter(([, text]) => text.includes(REGION));
    expect(region.map(([path]) => path)).toEqual(['/S', '/T']);
    expect(region[0][1]).toMatch(/it affects 4 constructs: endpoint sets name services with AWS::Region .* \(2: GatewayEndpointSet 'S\/Gw', InterfaceEndpointSet 'S\/If'\); gateway endpoints are counted against the per-region quota only where account and region are known \(2: CfnVPCEndpoint 'S\/Gw\/S3\/Resource', CfnVPCEndpoint 'S\/Gw\/Dynamodb\/Resource'\)/);
  });

  test('graph: a pending Vpc.fromLookup warns once on that VPC for all its peerings', () => {
    // GIVEN
    const app = new App();
    const s = new Stack(app, 'S', { env: ENV });
    const looked = ec2.Vpc.fromLookup(s, 'Looked', { vpcId: 'vpc-0look' });
    new PeeredVpcPair(s, 'PA', { requester: vpc(s, 'A', '10.0.0.0/16'), accepter: looked });
    new PeeredVpcPair(s, 'PB', { requester: vpc(s, 'B', '10.1.0.0/16'), accepter: looked });

    // THEN
    const pending = Annotations.fromStack(s).findWarning('*', Match.stringLikeRegexp('vpc-pending-lookup'));
    expect(pending.map((w) => w.id)).toEqual(['/S/Looked']);
    expect(pending[0].entry.data).toMatch(/Vpc\.fromLookup is pending; it affects 2 constructs: peerings check CIDR overlap once the lookup has real values \(2: PeeredVpcPair 'S\/PA', PeeredVpcPair 'S\/PB'\)/);
  });
});

describe('how many warnings a user reads', () => {
  test('a 20-VPC full mesh in one environment-agnostic stack: 2 warnings, read to the end', () => {
    // GIVEN: 190 pairs (the stack is past CloudFormation's 500 resources, so the limit is lifted here)
    const app = new App({ context: { '@aws-cdk/core:stackResourceLimit': 0 } });
    Validations.of(app).acknowledge({ id: 'CloudFormation-Validate::F0007', reason: 'a mesh this size needs several stacks to deploy; here only its warnings count' });
    const s = new Stack(app, 'Mesh');
    fullMesh(s, Array.from({ length: 20 }, (_, i) => vpc(s, `Vpc${i}`, `10.${i}.0.0/16`)));

    // THEN: one per cause (it printed 760 before: 380 peering-account-unknown, 380 vpc-region-unknown)
    const warnings = ourWarnings(app);
    expect(warnings.map(([path, text]) => [path, text.match(/\[(cdk-private-connectivity:[a-z-]+)\]/)![1]])).toEqual([
      ['/Mesh', warningId(Rules.PEERING_ACCOUNT_UNKNOWN)],
      ['/Mesh', REGION],
    ]);
    for (const [, text] of warnings) {
      expect(text).toMatch(/it affects 190 constructs: .* and 187 more\)/);
      expect(text.length).toBeLessThan(500);
    }
  });

  test('the example app as the CLI synthesizes it: no warning (its AZ IDs are declared and its lookups committed)', () => {
    // GIVEN: the context the CDK CLI gives examples/app.ts (cdk.json and the committed lookups of cdk.context.json)
    const dir = join(__dirname, '..', '..', 'examples');
    const context = {
      ...JSON.parse(fs.readFileSync(join(dir, 'cdk.json'), 'utf8')).context,
      ...JSON.parse(fs.readFileSync(join(dir, 'cdk.context.json'), 'utf8')),
    };
    const app = new App({ context });
    addExampleEstate(app);

    // THEN
    const warnings = ourWarnings(app);
    expect(warnings).toEqual([]);
  });

  test('the example app without its lookups: AZ names are placeholders, so zones are not matched by AZ ID, once per service', () => {
    // GIVEN: no cdk.context.json, so every VPC's zones are aws-cdk-lib's placeholders (dummy1a, ...)
    const app = new App();
    addExampleEstate(app);

    // THEN
    const warnings = ourWarnings(app);
    expect(warnings.map(([path, text]) => [path, text.match(/\[(cdk-private-connectivity:[a-z-]+)\]/)![1]])).toEqual([
      ['/PrivateLinkPartnerConsumer/Orders', warningId(Rules.PRIVATELINK_AZ_IDS_UNKNOWN)],
      ['/ResourcePartnerConsumer/OrdersDb', warningId(Rules.RESOURCE_AZ_IDS_UNKNOWN)],
    ]);
  });
});
