import { RegionInfo } from 'aws-cdk-lib/region-info';
import { ConnectivityError } from '../../src/core/errors';
import { Rules } from '../../src/core/rules';
import { dnsSuffixOf, isKnownRegion, isValidRegionName, KNOWN_PARTITIONS, KNOWN_REGIONS, partitionOf, RegionNameStatus, validateRegionName } from '../../src/net/regions';

describe('partitionOf', () => {
  test.each([
    ['us-east-1', 'aws'],
    ['eu-west-1', 'aws'],
    ['ap-southeast-4', 'aws'],
    ['il-central-1', 'aws'],
    ['mx-central-1', 'aws'],
    ['cn-north-1', 'aws-cn'],
    ['cn-northwest-1', 'aws-cn'],
    ['us-gov-west-1', 'aws-us-gov'],
    ['us-gov-east-1', 'aws-us-gov'],
    ['us-iso-east-1', 'aws-iso'],
    ['us-iso-west-1', 'aws-iso'],
    ['us-isob-east-1', 'aws-iso-b'],
    ['eu-isoe-west-1', 'aws-iso-e'],
    ['us-isof-south-1', 'aws-iso-f'],
    ['us-isof-east-1', 'aws-iso-f'],
    ['eusc-de-east-1', 'aws-eusc'],
    ['${Token[AWS.Region.12]}', undefined],
  ])('%s → %s', (region, partition) => {
    // GIVEN / WHEN / THEN
    expect(partitionOf(region)).toBe(partition);
  });
});

describe('isValidRegionName', () => {
  test.each([
    ['us-east-1', true],
    ['ap-southeast-4', true],
    ['us-gov-west-1', true],
    ['cn-north-1', true],
    ['us-isob-east-1', true],
    ['eu-isoe-west-1', true],
    ['eusc-de-east-1', true],
    ['us-east-1a', false],
    ['use1-az1', false],
    ['us-east1', false],
    ['US-EAST-1', false],
    ['us_east_1', false],
    [' us-east-1', false],
    ['', false],
    ['${Token[AWS.Region.12]}', false],
  ])('%j → %s', (region, valid) => {
    // GIVEN / WHEN / THEN
    expect(isValidRegionName(region)).toBe(valid);
  });
});

describe('dnsSuffixOf', () => {
  test.each([
    ['aws', 'amazonaws.com'],
    ['aws-cn', 'amazonaws.com.cn'],
    ['aws-us-gov', 'amazonaws.com'],
    ['aws-iso', 'c2s.ic.gov'],
    ['aws-iso-b', 'sc2s.sgov.gov'],
    ['aws-iso-e', 'cloud.adc-e.uk'],
    ['aws-iso-f', 'csp.hci.ic.gov'],
    ['aws-eusc', 'amazonaws.eu'],
    ['aws-unknown', 'amazonaws.com'],
    ['toString', 'amazonaws.com'],
  ])('%s → %s', (partition, suffix) => {
    // GIVEN / WHEN / THEN
    expect(dnsSuffixOf(partition)).toBe(suffix);
  });

  test('every partition a region maps to has a suffix of its own', () => {
    // GIVEN
    const regions = ['us-east-1', 'cn-north-1', 'us-gov-west-1', 'us-iso-east-1', 'us-isob-east-1', 'eu-isoe-west-1', 'us-isof-south-1', 'eusc-de-east-1'];

    // WHEN
    const partitions = regions.map(partitionOf);

    // THEN
    expect(partitions).toEqual(KNOWN_PARTITIONS);
  });
});

describe('validateRegionName', () => {
  test('passes region names and tokens', () => {
    // GIVEN / WHEN / THEN
    expect(() => validateRegionName('eu-west-1', 'PeeredVpcPair \'App/Peering\'')).not.toThrow();
    expect(() => validateRegionName('${Token[AWS.Region.12]}', 'PeeredVpcPair \'App/Peering\'')).not.toThrow();
  });

  test('refuses a malformed name, naming the value and the rule', () => {
    // GIVEN
    let error: unknown;

    // WHEN
    try {
      validateRegionName('us-east-1a', 'PeeredVpcPair \'App/Peering\'', 'peerRegion');
    } catch (e) {
      error = e;
    }

    // THEN
    expect(error).toBeInstanceOf(ConnectivityError);
    expect((error as ConnectivityError).ruleId).toBe(Rules.REGION_INVALID.id);
    expect((error as ConnectivityError).message).toMatch(
      /^PeeredVpcPair 'App\/Peering': peerRegion "us-east-1a"; a region name looks like us-east-1.*\[cdk-private-connectivity:region-invalid\]$/,
    );
  });
});

describe('region names that must name a region, not only parse', () => {
  test.each([
    ['us-east-1', RegionNameStatus.KNOWN],
    ['eusc-de-east-1', RegionNameStatus.KNOWN],
    ['us-gov-west-1', RegionNameStatus.KNOWN],
    ['${Token[AWS.Region.12]}', RegionNameStatus.TOKEN],
    // region-unknown (warned by the constructs): well formed, so a region opened after this library works
    ['us-east-7', RegionNameStatus.UNKNOWN],
    ['xx-east-1', RegionNameStatus.UNKNOWN],
    ['us-gov-central-1', RegionNameStatus.UNKNOWN],
    ['eusc-de-west-1', RegionNameStatus.UNKNOWN],
  ])('%s is %s', (region, status) => {
    // GIVEN / WHEN / THEN
    expect(validateRegionName(region, 'PrivateLinkService \'P/S\'')).toBe(status);
  });

  test.each([
    'us-gvo-west-1',
    'cn-foo-north-1',
    'us-isoc-east-1',
    'eusc-fr-east-1',
  ])('region-invalid: %s has a partition part no partition has', (region) => {
    // GIVEN / WHEN / THEN
    expect(() => validateRegionName(region, 'PrivateLinkService \'P/S\'', 'supportedRegions[0]'))
      .toThrow(/^PrivateLinkService 'P\/S': supportedRegions\[0\] ".*"; its partition part ".*" is no AWS partition's .*\[cdk-private-connectivity:region-invalid\]$/);
  });

  test('the known regions hold every region aws-cdk-lib knows, each of a known partition', () => {
    // GIVEN
    const cdkRegions = RegionInfo.regions.map((r) => r.name);

    // WHEN
    const missing = cdkRegions.filter((r) => !isKnownRegion(r));

    // THEN
    expect(missing).toEqual([]);
    for (const r of KNOWN_REGIONS) {
      expect(validateRegionName(r, 'x')).toBe(RegionNameStatus.KNOWN);
      expect(KNOWN_PARTITIONS).toContain(partitionOf(r));
    }
    expect(new Set(KNOWN_REGIONS).size).toBe(KNOWN_REGIONS.length);
  });
});

describe('validateRegionName: the prop by default', () => {
  test('a malformed name is reported under `region` unless another prop is named', () => {
    expect(() => validateRegionName('US-EAST-1', 'Thing')).toThrow(/^Thing: region "US-EAST-1"; a region name looks like us-east-1/);
  });
});
