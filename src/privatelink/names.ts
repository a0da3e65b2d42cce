/** Region names and DNS names PrivateLink constructs take: refused when they cannot exist, warned when unknown (internal). */
import { Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { describeConstruct } from '../core/errors';
import { Rules } from '../core/rules';
import { show, warn, warnOnce } from '../core/warnings';
import { validateDnsName } from '../net/dns-name';
import { RegionNameStatus, validateRegionName } from '../net/regions';

const UNKNOWN_REGION_RULE = 'a region that does not exist fails at deploy; a region AWS opened after this library was released is fine';

/** Refuse a region name that cannot be an AWS region; warn for a well-formed one this library does not know. */
export function checkRegion(scope: IConstruct, prop: string, region: string): void {
  if (validateRegionName(region, describeConstruct(scope), prop) !== RegionNameStatus.UNKNOWN) return;
  warn(scope, Rules.REGION_UNKNOWN, {
    prop,
    received: `${show(region)} is not a region this library knows`,
    rule: UNKNOWN_REGION_RULE,
  });
}

/** The same for the region of `scope`'s stack, reported once on the stack. */
export function checkStackRegion(scope: IConstruct): void {
  const stack = Stack.of(scope);
  if (Token.isUnresolved(stack.region)) return;
  if (validateRegionName(stack.region, describeConstruct(stack), 'env.region') !== RegionNameStatus.UNKNOWN) return;
  warnOnce(scope, { scope: stack }, Rules.REGION_UNKNOWN, {
    prop: 'env.region',
    received: `${show(stack.region)} is not a region this library knows`,
    rule: UNKNOWN_REGION_RULE,
  });
}

/** Refuse a private DNS name that breaks RFC 1035 (a leading `*` label is allowed). */
export function checkPrivateDnsName(scope: IConstruct, prop: string, name: string | undefined): void {
  // Manage DNS names for VPC endpoint services: labels up to 63 characters, the name up to 255 octets (RFC 1034).
  if (name !== undefined) validateDnsName(name, describeConstruct(scope), prop, { allowWildcard: true });
}
