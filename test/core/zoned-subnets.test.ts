import { App, Fn, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { ConnectivityError } from '../../src/core/error';
import { Rules, warningId } from '../../src/core/rules';
import { refuseSharedZones, selectZoned } from '../../src/core/zoned-subnets';

const EMPTY = { rule: Rules.INSPECTION_SUBNETS_EMPTY, what: 'a Gateway Load Balancer' };

function setup(): { stack: Stack; scope: Construct; vpc: ec2.Vpc } {
  const stack = new Stack(new App(), 'S', { env: { account: '111111111111', region: 'us-east-1' } });
  const vpc = new ec2.Vpc(stack, 'V', {
    availabilityZones: ['us-east-1a', 'us-east-1b'],
    natGateways: 0,
    subnetConfiguration: [
      { name: 'a', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      { name: 'b', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
    ],
  });
  return { stack, scope: new Construct(stack, 'Svc'), vpc };
}

function thrown(f: () => unknown): ConnectivityError {
  try {
    f();
  } catch (e) {
    return e as ConnectivityError;
  }
  throw new Error('expected a ConnectivityError');
}

describe('selectZoned', () => {
  test('the selected subnets with their zone names', () => {
    const { scope, vpc } = setup();
    const z = selectZoned(scope, 'subnets', vpc, { subnetGroupName: 'a' }, EMPTY);
    expect(z.subnets.map((s) => s.node.path)).toEqual(['S/V/aSubnet1', 'S/V/aSubnet2']);
    expect(z.zoneNames).toEqual(['us-east-1a', 'us-east-1b']);
    expect(z.pendingLookup).toBe(false);
  });

  test('an empty selection is refused with the rule and what needs the subnets', () => {
    const { scope, vpc } = setup();
    const err = thrown(() => selectZoned(scope, 'subnets', vpc, { subnets: [] }, EMPTY));
    expect(err.ruleId).toBe(EMPTY.rule.id);
    expect(err.message).toBe(`Construct 'S/Svc': subnets selects no subnet of S/V; a Gateway Load Balancer needs at least one subnet. ${EMPTY.rule.fix} [${warningId(EMPTY.rule)}]`);
  });

  test('a pending lookup may select nothing: no error, pendingLookup set', () => {
    const stack = new Stack(new App(), 'S', { env: { account: '111111111111', region: 'us-east-1' } });
    const vpc = ec2.Vpc.fromLookup(stack, 'L', { vpcId: 'vpc-12345678' });
    const z = selectZoned(new Construct(stack, 'Svc'), 'subnets', vpc, { subnetType: ec2.SubnetType.PRIVATE_ISOLATED }, EMPTY);
    expect(z.pendingLookup).toBe(true);
  });

  test('a subnet whose zone is a token: no zone names', () => {
    const stack = new Stack(new App(), 'S');
    const vpc = new ec2.Vpc(stack, 'V', { maxAzs: 1, natGateways: 0, subnetConfiguration: [{ name: 'a', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
    const z = selectZoned(new Construct(stack, 'Svc'), 'subnets', vpc, {}, EMPTY);
    expect(z.subnets).toHaveLength(1);
    expect(z.zoneNames).toBeUndefined();
  });

  test('an imported subnet whose zone is a token or missing: no zone names', () => {
    const { scope, stack, vpc } = setup();
    const tokenZone = ec2.Subnet.fromSubnetAttributes(stack, 'Sn', { subnetId: 'subnet-1', availabilityZone: Fn.select(0, Fn.getAzs()) });
    expect(selectZoned(scope, 'subnets', vpc, { subnets: [tokenZone] }, EMPTY).zoneNames).toBeUndefined();
    const [first] = vpc.isolatedSubnets;
    const noZone = Object.create(first, { availabilityZone: { value: undefined } }) as ec2.ISubnet;
    const z = selectZoned(scope, 'subnets', vpc, { subnets: [first, noZone] }, EMPTY);
    expect(z.subnets).toHaveLength(2);
    expect(z.zoneNames).toBeUndefined();
  });
});

describe('refuseSharedZones', () => {
  test('two subnets in one zone are refused, naming the zone and both paths', () => {
    const { scope, vpc } = setup();
    const z = selectZoned(scope, 'subnets', vpc, {}, EMPTY);
    const err = thrown(() => refuseSharedZones(scope, 'subnets', z, Rules.INSPECTION_SUBNET_AZ_DUPLICATE, 'one subnet per zone'));
    expect(err.ruleId).toBe(Rules.INSPECTION_SUBNET_AZ_DUPLICATE.id);
    expect(err.message).toBe(`Construct 'S/Svc': subnets selects 2 subnets in us-east-1a (S/V/aSubnet1, S/V/bSubnet1); one subnet per zone. ${Rules.INSPECTION_SUBNET_AZ_DUPLICATE.fix} [${warningId(Rules.INSPECTION_SUBNET_AZ_DUPLICATE)}]`);
  });

  test('control: one subnet per zone passes', () => {
    const { scope, vpc } = setup();
    const z = selectZoned(scope, 'subnets', vpc, { subnetGroupName: 'b' }, EMPTY);
    expect(() => refuseSharedZones(scope, 'subnets', z, EMPTY.rule, 'why')).not.toThrow();
  });

  test('zones unknown: nothing compared', () => {
    const { scope, vpc } = setup();
    const z = selectZoned(scope, 'subnets', vpc, {}, EMPTY);
    expect(() => refuseSharedZones(scope, 'subnets', { ...z, zoneNames: undefined }, EMPTY.rule, 'why')).not.toThrow();
  });
});
