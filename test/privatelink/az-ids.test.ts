import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { ACCOUNT, isolatedVpc, newApp, stackIn } from './fixtures';
import { AvailabilityZoneIds, PrivateLinkService } from '../../src/privatelink';

describe('AvailabilityZoneIds', () => {
  test('context key per account and region', () => {
    expect(AvailabilityZoneIds.contextKey(ACCOUNT, 'us-east-1')).toBe('cdk-private-connectivity:az-ids:account=111111111111:region=us-east-1');
  });

  test.each([
    ['use1-az1', true], ['usw2-az4', true], ['apne1-az4', true], ['usgw1-az1', true], ['cnn1-az1', true],
    ['us-east-1a', false], ['az1', false], ['USE1-AZ1', false], ['', false],
  ])('isAzId(%j) is %j', (id, expected) => {
    expect(AvailabilityZoneIds.isAzId(id)).toBe(expected);
  });

  test('the prop wins over the context key', () => {
    // GIVEN
    const app = newApp({ [AvailabilityZoneIds.contextKey(ACCOUNT, 'us-east-1')]: { 'us-east-1a': 'use1-az1', 'us-east-1b': 'use1-az2' } });
    const stack = stackIn(app, 'S');
    const vpc = isolatedVpc(stack, 'Vpc', '10.0.0.0/16');

    // WHEN
    const svc = new PrivateLinkService(stack, 'Svc', {
      vpc,
      listeners: [{ port: 443 }],
      availabilityZoneIds: [{ name: 'us-east-1a', id: 'use1-az5' }, { name: 'us-east-1b', id: 'use1-az6' }],
    });

    // THEN
    expect(svc.availabilityZoneIds).toEqual(['use1-az5', 'use1-az6']);
  });

  test.each([
    ['an array', ['use1-az1']],
    ['a string', 'use1-az1'],
    ['an object with a bad ID', { 'us-east-1a': 'us-east-1a' }],
  ])('a context value that is %s is refused', (_name, value) => {
    const app = newApp({ [AvailabilityZoneIds.contextKey(ACCOUNT, 'us-east-1')]: value });
    const stack = stackIn(app, 'S');
    const vpc = isolatedVpc(stack, 'Vpc', '10.0.0.0/16');
    expect(() => new PrivateLinkService(stack, 'Svc', { vpc, listeners: [{ port: 443 }], vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } }))
      .toThrow(/context 'cdk-private-connectivity:az-ids:account=111111111111:region=us-east-1'.*\[cdk-private-connectivity:privatelink-az-id-invalid\]/);
  });
});
