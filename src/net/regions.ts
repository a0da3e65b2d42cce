/**
 * Region and partition facts, from region names alone.
 *
 * The partition prefixes and DNS suffixes match the AWS SDK's `partitions.json`
 * (aws-sdk-js-v3 `packages/util-endpoints/src/lib/aws/partitions.json`) and aws-cdk-lib
 * `region-info` (`partitionInformation`). Internal: import by path.
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
 * Throw a `region-invalid` error if `region` is not shaped like a region name.
 * An unresolved token passes: it cannot be checked at synth time.
 */
export function validateRegionName(region: string, subject: string, prop: string = 'region'): void {
  if (looksLikeToken(region) || isValidRegionName(region)) {
    return;
  }
  fail(subject, Rules.REGION_INVALID, {
    prop,
    received: JSON.stringify(region),
    rule: 'a region name looks like us-east-1, ap-southeast-4 or us-gov-west-1 (lowercase, ending in a number)',
  });
}
