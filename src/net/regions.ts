/**
 * Region and partition facts, from region names alone.
 *
 * The partition prefixes and DNS suffixes match the AWS SDK's `partitions.json`
 * (aws-sdk-js-v3 `packages/util-endpoints/src/lib/aws/partitions.json`) and aws-cdk-lib
 * `region-info` (`partitionInformation`). Internal: import by path.
 *
 * ## Which region names are refused, which warned
 *
 * A region launched after this library must keep working, so a name is refused only when no
 * region of that form can exist:
 * - not shaped like a region name (`us-east1`, `US-EAST-1`, an AZ name): error `region-invalid`;
 * - shaped like a region of a partition (`area-partition-direction-N`) whose partition part matches
 *   no partition's `regionRegex` in `partitions.json` (`us-gvo-west-1`, `cn-foo-north-1`): error
 *   `region-invalid` (a new partition ships with new SDKs and a new library anyway);
 * - well formed but not in {@link KNOWN_REGIONS} (`us-east-7`, `xx-east-1`, a new area code):
 *   warning `region-unknown`, which a user acknowledges once the region exists.
 */
import { looksLikeToken } from './ip-address';
import { fail } from '../core/errors';
import { Rules } from '../core/rules';

/** Region-name prefix → partition, most specific first (`us-isob-` must not read as `us-iso-`). */
const PARTITION_PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ['cn-', 'aws-cn'],
  ['us-gov-', 'aws-us-gov'],
  ['us-isob-', 'aws-iso-b'],
  ['us-isof-', 'aws-iso-f'],
  ['us-iso-', 'aws-iso'],
  ['eu-isoe-', 'aws-iso-e'],
  ['eusc-', 'aws-eusc'],
];

/** Partition → DNS suffix of its service endpoints (`outputs.dnsSuffix` in partitions.json). */
const DNS_SUFFIXES: Readonly<Record<string, string>> = {
  'aws': 'amazonaws.com',
  'aws-cn': 'amazonaws.com.cn',
  'aws-us-gov': 'amazonaws.com',
  'aws-iso': 'c2s.ic.gov',
  'aws-iso-b': 'sc2s.sgov.gov',
  'aws-iso-e': 'cloud.adc-e.uk',
  'aws-iso-f': 'csp.hci.ic.gov',
  'aws-eusc': 'amazonaws.eu',
};

/** Every partition this file knows, `aws` first. */
export const KNOWN_PARTITIONS: readonly string[] = Object.keys(DNS_SUFFIXES);

// Area, an optional partition infix (gov, iso, isob, ...; `de` for eusc), direction, number:
// us-east-1, ap-southeast-4, us-gov-west-1, us-isob-east-1, eusc-de-east-1. Lowercase only;
// an AZ name (us-east-1a) or AZ ID (use1-az1) does not match.
const REGION_NAME = /^[a-z]{2,4}(?:-[a-z]+){1,2}-[0-9]{1,2}$/;

/**
 * The partition of a region (`aws`, `aws-cn`, `aws-us-gov`, `aws-iso`, `aws-iso-b`, `aws-iso-e`,
 * `aws-iso-f`, `aws-eusc`), or `undefined` when the region is an unresolved token.
 */
export function partitionOf(region: string): string | undefined {
  if (looksLikeToken(region)) {
    return undefined;
  }
  for (const [prefix, partition] of PARTITION_PREFIXES) {
    if (region.startsWith(prefix)) {
      return partition;
    }
  }
  return 'aws';
}

/**
 * Each partition's `regionRegex` (partitions.json, as shipped in botocore 1.43 and aws-sdk-js-v3):
 * a region AWS opens in an existing partition matches its partition's pattern.
 */
const PARTITION_REGION_PATTERNS: ReadonlyArray<readonly [string, RegExp]> = [
  ['aws', /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/],
  ['aws-cn', /^cn-\w+-\d+$/],
  ['aws-eusc', /^eusc-(de)-\w+-\d+$/],
  ['aws-iso', /^us-iso-\w+-\d+$/],
  ['aws-iso-b', /^us-isob-\w+-\d+$/],
  ['aws-iso-e', /^eu-isoe-\w+-\d+$/],
  ['aws-iso-f', /^us-isof-\w+-\d+$/],
  ['aws-us-gov', /^us-gov-\w+-\d+$/],
];

/**
 * Every region this library knows: the `regions` of each partition in partitions.json (botocore
 * 1.43) and aws-cdk-lib 2.276 `region-info` (`RegionInfo.regions`), which also lists me-west-1.
 */
export const KNOWN_REGIONS: readonly string[] = [
  // aws
  'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
  'ap-south-1', 'ap-south-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4',
  'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7', 'ca-central-1', 'ca-west-1', 'eu-central-1',
  'eu-central-2', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-2', 'eu-west-3',
  'il-central-1', 'me-central-1', 'me-south-1', 'me-west-1', 'mx-central-1', 'sa-east-1', 'us-east-1',
  'us-east-2', 'us-west-1', 'us-west-2',
  // aws-cn, aws-us-gov, aws-iso*, aws-eusc
  'cn-north-1', 'cn-northwest-1',
  'us-gov-east-1', 'us-gov-west-1',
  'us-iso-east-1', 'us-iso-west-1', 'us-isob-east-1', 'us-isob-west-1', 'eu-isoe-west-1',
  'us-isof-east-1', 'us-isof-south-1',
  'eusc-de-east-1',
];

/** Whether `region` is one of {@link KNOWN_REGIONS}. */
export function isKnownRegion(region: string): boolean {
  return KNOWN_REGIONS.includes(region);
}

/** What {@link validateRegionName} found of a region name it did not refuse. */
export enum RegionNameStatus {
  /** One of the regions this library knows. */
  KNOWN = 'known',
  /** Well formed, but not a region this library knows (a newer region, or a typo): warn. */
  UNKNOWN = 'unknown',
  /** An unresolved token: not checked. */
  TOKEN = 'token',
}

/** Whether `region` has the shape of an AWS region name (`us-east-1`, `us-gov-west-1`, `eusc-de-east-1`). */
export function isValidRegionName(region: string): boolean {
  return REGION_NAME.test(region);
}

/**
 * The DNS suffix of a partition's service endpoints (`amazonaws.com`, `amazonaws.com.cn`, ...).
 * An unknown partition gets `amazonaws.com`, as in aws-cdk-lib `region-info`.
 */
export function dnsSuffixOf(partition: string): string {
  return Object.prototype.hasOwnProperty.call(DNS_SUFFIXES, partition) ? DNS_SUFFIXES[partition] : 'amazonaws.com';
}

/**
 * Throw a `region-invalid` error if `region` cannot be an AWS region: not shaped like a region
 * name, or with a partition part (`us-xyz-east-1`) that matches no partition. A well-formed
 * region this library does not know is returned as {@link RegionNameStatus.UNKNOWN}, for the
 * caller to warn (`region-unknown`); an unresolved token passes as {@link RegionNameStatus.TOKEN}.
 */
export function validateRegionName(region: string, subject: string, prop: string = 'region'): RegionNameStatus {
  if (looksLikeToken(region)) {
    return RegionNameStatus.TOKEN;
  }
  if (!isValidRegionName(region)) {
    fail(subject, Rules.REGION_INVALID, {
      prop,
      received: JSON.stringify(region),
      rule: 'a region name looks like us-east-1, ap-southeast-4 or us-gov-west-1 (lowercase, ending in a number)',
    });
  }
  if (isKnownRegion(region)) {
    return RegionNameStatus.KNOWN;
  }
  // area-partition-direction-N: the partition part must be one a partition's regionRegex allows.
  if (region.split('-').length === 4 && !PARTITION_REGION_PATTERNS.some(([, pattern]) => pattern.test(region))) {
    fail(subject, Rules.REGION_INVALID, {
      prop,
      received: JSON.stringify(region),
      rule: `its partition part ${JSON.stringify(region.split('-').slice(0, 2).join('-'))} is no AWS partition's (us-gov, us-iso, us-isob, us-isof, eu-isoe, eusc-de)`,
      fix: 'Check the spelling, e.g. us-gov-west-1.',
    });
  }
  return RegionNameStatus.UNKNOWN;
}
