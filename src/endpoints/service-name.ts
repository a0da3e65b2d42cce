/**
 * Service names of AWS services for VPC endpoints, per region and partition.
 *
 * Internal (not re-exported by index.ts): free functions and a union-typed result.
 */
import { App, Aws, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { IConstruct } from 'constructs';
import { fail } from '../core/errors';
import { Rules } from '../core/rules';
import { show, warnOnce } from '../core/warnings';
import { dnsSuffixOf, isValidRegionName, partitionOf } from '../net/regions';

/** What a name given by the user says: the service's short name, and the region it names, if any. */
export interface ParsedServiceName {
  /** e.g. `s3`, `ecr.dkr`. */
  readonly shortName: string;
  /** The region named in a full service name. @default - a short name names no region */
  readonly region?: string;
  /** The full name as given, when it was one (kept verbatim). @default - a short name */
  readonly fullName?: string;
}

// Lowercase letters, digits, dots and dashes; no leading or trailing dot.
const NAME_SHAPE = /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/;
// Prefixes of full service names without a region (global services such as `com.amazonaws.iam`).
const FULL_NAME_PREFIXES = ['com.amazonaws.', 'cn.com.amazonaws.', 'aws.', 'gov.', 'uk.', 'eu.amazonaws.'];

/** Whether a name is shaped like a service name (short or full). */
export function isServiceNameShaped(name: string): boolean {
  return NAME_SHAPE.test(name) && !name.includes('..');
}

/**
 * Split a name into short name and region: `com.amazonaws.eu-west-1.sns` → `sns` in `eu-west-1`;
 * `sns` → `sns`; `com.amazonaws.iam` (a global service) → `iam`, no region.
 */
/**
 * The VPC's region, or undefined (with a warning) in an environment-agnostic stack, where service
 * names use AWS::Region and a name for another region cannot be detected.
 */
export function vpcRegionOrWarn(scope: IConstruct, vpc: ec2.IVpc): string | undefined {
  const region = Token.isUnresolved(vpc.env.region) ? undefined : vpc.env.region;
  if (region === undefined) {
    warnOnce(scope, { scope: Stack.of(vpc) }, Rules.VPC_REGION_UNKNOWN, {
      prop: 'region',
      received: 'is a token (environment-agnostic stack)',
      rule: 'endpoint sets name services with AWS::Region and cannot detect a service name for another region',
    });
  }
  return region;
}

/** Refuse a service name that is not shaped like one, then parse it; `example` is a short name for the message. */
export function checkedServiceName(scope: IConstruct, prop: string, name: string, example: string): ParsedServiceName {
  if (!isServiceNameShaped(name)) {
    fail(scope, Rules.ENDPOINT_SERVICE_NAME_INVALID, {
      prop,
      received: show(name),
      rule: `a service name is lowercase letters, digits, dots and dashes, e.g. "${example}" or "com.amazonaws.us-east-1.${example}"`,
    });
  }
  return parseServiceName(name);
}

export function parseServiceName(name: string): ParsedServiceName {
  const parts = name.split('.');
  const regionAt = parts.findIndex((p) => isValidRegionName(p));
  if (regionAt >= 0 && regionAt < parts.length - 1) {
    return { shortName: parts.slice(regionAt + 1).join('.'), region: parts[regionAt], fullName: name };
  }
  const prefix = FULL_NAME_PREFIXES.find((p) => name.startsWith(p));
  if (prefix !== undefined && name.length > prefix.length) {
    return { shortName: name.slice(prefix.length), fullName: name };
  }
  return { shortName: name };
}

/**
 * The gateway endpoint service name: `com.amazonaws.<region>.<service>` in every partition
 * (as aws-cdk-lib `GatewayVpcEndpointAwsService` builds it); `Aws.REGION` when the region is a token.
 */
export function gatewayServiceName(shortName: string, region: string | undefined): string {
  return `com.amazonaws.${region ?? Aws.REGION}.${shortName}`;
}

/**
 * The names `interfaceServiceName` resolved, by literal region and short name: the lazy name
 * depends on the stack's region only, and each of its tokens stays registered for the process.
 */
const resolvedInterfaceNames = new Map<string, string>();

/**
 * The interface endpoint service name of an AWS service in the region of `stack`, with the
 * partition exceptions aws-cdk-lib `InterfaceVpcEndpointAwsService` knows (e.g.
 * `cn.com.amazonaws.cn-north-1.ecr.api`): its lazy name resolved in that stack. With a token region,
 * the lazy name itself, which fills the region in from the stack it is used in.
 */
export function interfaceServiceName(stack: Stack, shortName: string): string {
  const region = stack.region;
  const key = Token.isUnresolved(region) ? undefined : `${region} ${shortName}`;
  const known = key === undefined ? undefined : resolvedInterfaceNames.get(key);
  if (known !== undefined) return known;
  const svc = new ec2.InterfaceVpcEndpointAwsService(shortName);
  if (key === undefined) return svc.name;
  const resolved: unknown = stack.resolve(svc.name);
  if (typeof resolved !== 'string') return svc.name;
  resolvedInterfaceNames.set(key, resolved);
  return resolved;
}

/** A stable construct ID from a short name: `ecr.dkr` → `EcrDkr`, `s3` → `S3`. */
export function serviceChildId(shortName: string): string {
  return shortName
    .split(/[.-]/)
    .filter((p) => p.length > 0)
    .map((p) => p[0].toUpperCase() + p.slice(1))
    .join('');
}

/**
 * A service name as one comparable string: literal names as they are; CloudFormation joins of
 * literals and `AWS::Region` / `AWS::Partition` / `AWS::URLSuffix` with the stack's values filled in
 * where they are known. Other intrinsics stay as their JSON, which still compares equal to itself.
 */
export function normaliseServiceName(stack: Stack, name: unknown): string {
  const resolved = stack.resolve(name);
  const flat = flatten(stack, resolved);
  return flat ?? JSON.stringify(resolved);
}

function flatten(stack: Stack, v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if (typeof o.Ref === 'string') return knownPseudoParameters(stack)[o.Ref];
    const join = o['Fn::Join'];
    if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
      const parts = (join[1] as unknown[]).map((p) => flatten(stack, p));
      return parts.every((p) => p !== undefined) ? parts.join(join[0]) : undefined;
    }
  }
  return undefined;
}

/** The pseudo parameters whose values a stack with a literal env knows at synth. */
export function knownPseudoParameters(stack: Stack): Record<string, string | undefined> {
  const region = Token.isUnresolved(stack.region) ? undefined : stack.region;
  const partition = region === undefined ? undefined : partitionOf(region);
  return {
    'AWS::Region': region,
    'AWS::Partition': partition,
    'AWS::URLSuffix': partition === undefined ? undefined : dnsSuffixOf(partition),
    'AWS::AccountId': Token.isUnresolved(stack.account) ? undefined : stack.account,
  };
}

/**
 * Refuse a full service name whose region is not the VPC's, or, for a cross-region endpoint
 * (`serviceRegion` given and literal), not the service region.
 */
export function checkRegion(
  scope: IConstruct, prop: string, name: string, named: string | undefined, vpcRegion: string | undefined, serviceRegion?: string,
): void {
  const crossRegion = serviceRegion !== undefined && !Token.isUnresolved(serviceRegion);
  const expected = crossRegion ? serviceRegion : vpcRegion;
  if (named !== undefined && expected !== undefined && named !== expected) {
    fail(scope, Rules.ENDPOINT_REGION_MISMATCH, {
      prop,
      received: crossRegion
        ? `${show(name)} names region ${named}, but serviceRegion is ${serviceRegion}`
        : `${show(name)} names region ${named}, but the VPC is in ${vpcRegion}`,
      rule: crossRegion
        ? 'a cross-region endpoint names the service in its service region'
        : 'an endpoint for an AWS service is created in the VPC\'s own region',
      fix: crossRegion
        ? `Give the short name ${JSON.stringify(parseServiceName(name).shortName)}, or set serviceRegion to ${named}.`
        : `Give the short name ${JSON.stringify(parseServiceName(name).shortName)}, set serviceRegion: ${JSON.stringify(named)} for a cross-region endpoint (services that support it), or create the endpoint in a VPC of ${named}.`,
    });
  }
}

/** Stacks in one region each, to resolve aws-cdk-lib's service names for a region that is not the stack's. */
const regionStacks = new Map<string, Stack>();

/**
 * The interface endpoint service name of an AWS service in `serviceRegion` (a cross-region
 * endpoint): `com.amazonaws.us-west-2.s3`, with aws-cdk-lib's partition prefixes
 * (`cn.com.amazonaws.cn-northwest-1.s3`); a global service keeps its name without a region
 * (`com.amazonaws.iam`), as "Cross-region enabled AWS services" (AWS PrivateLink guide) lists it.
 * A token `serviceRegion` takes the prefix of the VPC's stack.
 */
export function crossRegionServiceName(vpcStack: Stack, shortName: string, serviceRegion: string, global: boolean): string {
  if (global) return `com.amazonaws.${shortName}`;
  if (Token.isUnresolved(serviceRegion)) {
    const local = Token.isUnresolved(vpcStack.region) ? undefined : interfaceServiceName(vpcStack, shortName);
    const prefix = local?.startsWith('cn.') ? 'cn.com.amazonaws' : 'com.amazonaws';
    return `${prefix}.${serviceRegion}.${shortName}`;
  }
  let stack = regionStacks.get(serviceRegion);
  if (!stack) {
    // Never synthesized: a CLI run (CDK_OUTDIR set) would otherwise synthesize this app too.
    stack = new Stack(new App({ autoSynth: false }), 'Names', { env: { region: serviceRegion } });
    regionStacks.set(serviceRegion, stack);
  }
  return interfaceServiceName(stack, shortName);
}
