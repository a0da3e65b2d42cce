/**
 * Region names constructs take (internal): refused when they cannot be an AWS region
 * (`region-invalid`), warned when well formed but not a region this library knows
 * (`region-unknown`: a region AWS opened after the library was released is fine).
 */
import { Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { describeConstruct } from './errors';
import { Rules } from './rules';
import { show, warn, warnOnce } from './warnings';
import { RegionNameStatus, validateRegionName } from '../net/regions';

const UNKNOWN_REGION_RULE = 'a region that does not exist fails at deploy; a region AWS opened after this library was released is fine';

/** Refuse a region name that cannot be an AWS region; warn for a well-formed one this library does not know. */
export function checkRegionName(scope: IConstruct, prop: string, region: string): void {
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
