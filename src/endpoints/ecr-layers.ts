/**
 * ECR image layers behind an S3 gateway endpoint: the AWS-owned layer bucket of a region, the one
 * statement that lets image pulls through, and a small evaluator that says whether a policy already
 * does. Internal: import by path.
 *
 * Amazon ECR User Guide, "Amazon ECR interface VPC endpoints (AWS PrivateLink)": image layers are
 * downloaded from Amazon S3, from `arn:aws:s3:::prod-<region>-starport-layer-bucket/*`, and the
 * minimum S3 gateway endpoint policy allows `s3:GetObject` on it to any principal (section
 * "Minimum Amazon S3 bucket permissions for Amazon ECR"). The download is signed by ECR, not by a
 * principal of your account or organization, so an organization or principal restriction denies it.
 */
import { Aws, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { knownPseudoParameters, parseServiceName } from './service-name';
import { AppIndex, endpointTypeOf } from '../core/app-index';
import { partitionOf } from '../net/regions';

/** The short names of the ECR interface endpoints whose image pulls read layers from S3. */
export const ECR_SERVICES: readonly string[] = ['ecr.api', 'ecr.dkr'];

/** The `Sid` of the statement this library adds. */
export const ECR_LAYERS_SID = 'AllowEcrImageLayers';

/** The AWS-owned bucket that holds ECR's image layers in `region`. */
export function ecrLayerBucketName(region: string): string {
  return `prod-${region}-starport-layer-bucket`;
}

/** The objects of the layer bucket: `arn:<partition>:s3:::prod-<region>-starport-layer-bucket/*`. */
export function ecrLayerObjectsArn(partition: string, region: string): string {
  return `arn:${partition}:s3:::${ecrLayerBucketName(region)}/*`;
}

/**
 * The narrowest statement that keeps ECR image pulls working through an S3 gateway endpoint:
 * `s3:GetObject` on the region's layer bucket, any principal. With no region (an
 * environment-agnostic stack), partition and region are `AWS::Partition` and `AWS::Region`.
 */
export function ecrLayerStatement(region: string | undefined): iam.PolicyStatement {
  const known = region !== undefined && !Token.isUnresolved(region);
  const partition = known ? partitionOf(region) ?? Aws.PARTITION : Aws.PARTITION;
  return new iam.PolicyStatement({
    sid: ECR_LAYERS_SID,
    effect: iam.Effect.ALLOW,
    principals: [new iam.AnyPrincipal()],
    actions: ['s3:GetObject'],
    resources: [ecrLayerObjectsArn(partition, known ? region : Aws.REGION)],
  });
}

/** What a policy does to ECR's layer downloads. */
export enum LayerAccess {
  /** An unconditional Allow matches and no Deny can match. */
  ALLOWED = 'allowed',
  /** No unconditional Allow matches (nothing denies): adding the statement lets pulls through. */
  NOT_ALLOWED = 'not-allowed',
  /** A Deny matches: no Allow can lift it. */
  DENIED = 'denied',
  /** A Deny may match (conditions, NotPrincipal or deploy-time values the synth cannot read). */
  MAYBE_DENIED = 'maybe-denied',
}

/** Whether a statement's element matches: yes, no, or cannot be told at synth. */
type Match3 = 'yes' | 'no' | 'maybe';

/** The result of evaluating a policy: the access, and the index of the statement that decided it. */
export interface LayerEvaluation {
  readonly access: LayerAccess;
  /** The deciding statement (the Deny, or the Allow), as given. @default - none */
  readonly statement?: Record<string, unknown>;
}

/**
 * Evaluate resolved policy statements (CloudFormation JSON, intrinsics already flattened where the
 * stack knows them) against a layer download: principal outside your account and organization,
 * action `s3:GetObject`, resource an object of the layer bucket. A missing document is AWS's
 * default policy (full access).
 */
export function evaluateLayerAccess(document: unknown, partition: string, region: string): LayerEvaluation {
  if (document === undefined || document === null) return { access: LayerAccess.ALLOWED };
  const statements = statementsOf(document);
  if (statements === undefined) return { access: LayerAccess.MAYBE_DENIED };
  // An arbitrary object key of the bucket: a pattern that admits every layer admits this one.
  const resource = `arn:${partition}:s3:::${ecrLayerBucketName(region)}/sha256-layer`;

  let maybeDeny: Record<string, unknown> | undefined;
  let allow: Record<string, unknown> | undefined;
  for (const s of statements) {
    const m = and(principalMatches(s), actionMatches(s), resourceMatches(s, resource));
    if (m === 'no') continue;
    if (s.Effect === 'Deny') {
      const c = denyConditionMatches(s.Condition);
      if (m === 'yes' && c === 'yes') return { access: LayerAccess.DENIED, statement: s };
      if (c !== 'no') maybeDeny = maybeDeny ?? s;
    } else if (s.Effect === 'Allow' && m === 'yes' && s.Condition === undefined && allow === undefined) {
      allow = s;
    }
  }
  if (maybeDeny) return { access: LayerAccess.MAYBE_DENIED, statement: maybeDeny };
  return allow ? { access: LayerAccess.ALLOWED, statement: allow } : { access: LayerAccess.NOT_ALLOWED };
}

/**
 * The policy document of an endpoint as the stack resolves it, with the pseudo parameters the
 * stack knows filled in (so `arn:${AWS::Partition}:s3:::...` compares as a literal).
 */
export function resolvedPolicy(ep: ec2.CfnVPCEndpoint): unknown {
  const stack = Stack.of(ep);
  return flattenKnown(stack.resolve(ep.policyDocument), knownPseudoParameters(stack));
}

/** The ECR interface endpoints of the app (anyone's) in the VPC whose ID is `vpcId`. */
export function ecrEndpointsIn(index: AppIndex, vpcId: string): ec2.CfnVPCEndpoint[] {
  return index.endpoints.filter((ep) => endpointTypeOf(ep) === 'Interface' && ep.vpcId === vpcId
    && ECR_SERVICES.includes(serviceShortNameOf(ep) ?? ''));
}

/** The S3 gateway endpoints of the app (anyone's) in the VPC whose ID is `vpcId`. */
export function s3GatewaysIn(index: AppIndex, vpcId: string): ec2.CfnVPCEndpoint[] {
  return index.endpoints.filter((ep) => endpointTypeOf(ep) === 'Gateway' && ep.vpcId === vpcId && serviceShortNameOf(ep) === 's3');
}

/**
 * The short name of an endpoint's service (`ecr.dkr`), from a literal name or from a join whose
 * tail after the region is literal (`com.amazonaws.` + AWS::Region + `.ecr.dkr`).
 */
export function serviceShortNameOf(ep: ec2.CfnVPCEndpoint): string | undefined {
  if (ep.serviceName === undefined) return undefined;
  const resolved: unknown = Stack.of(ep).resolve(ep.serviceName);
  if (typeof resolved === 'string') return parseServiceName(resolved).shortName;
  const join = (resolved as Record<string, unknown> | undefined)?.['Fn::Join'];
  if (!Array.isArray(join) || typeof join[0] !== 'string' || !Array.isArray(join[1])) return undefined;
  const parts = join[1] as unknown[];
  const lastToken = parts.map((p) => typeof p === 'string').lastIndexOf(false);
  const tail = parts.slice(lastToken + 1).join(join[0]);
  return tail.startsWith('.') && tail.length > 1 ? tail.slice(1) : undefined;
}

function statementsOf(document: unknown): Array<Record<string, unknown>> | undefined {
  const st = (document as Record<string, unknown>).Statement;
  if (st === undefined) return [];
  const list = Array.isArray(st) ? st : [st];
  return list.every((s) => s !== null && typeof s === 'object') ? list as Array<Record<string, unknown>> : undefined;
}

function and(...ms: Match3[]): Match3 {
  if (ms.includes('no')) return 'no';
  return ms.includes('maybe') ? 'maybe' : 'yes';
}

function not(m: Match3): Match3 {
  return m === 'yes' ? 'no' : m === 'no' ? 'yes' : 'maybe';
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [v];
}

/** IAM wildcard match (`*` any run, `?` one character), case-insensitive as IAM compares actions. */
function wildcard(pattern: string, value: string, ignoreCase: boolean): boolean {
  const re = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${re}$`, ignoreCase ? 'i' : '').test(value);
}

/** Any of the patterns matches; a pattern that is still an intrinsic is `maybe`. */
function anyMatches(patterns: unknown, value: string, ignoreCase: boolean): Match3 {
  let result: Match3 = 'no';
  for (const p of asList(patterns)) {
    if (typeof p !== 'string') {
      // A bucket of the app (`Fn::GetAtt`) is never AWS's layer bucket; other intrinsics may be.
      const isGetAtt = p !== null && typeof p === 'object' && 'Fn::GetAtt' in p;
      if (!isGetAtt) result = 'maybe';
      continue;
    }
    if (wildcard(p, value, ignoreCase)) return 'yes';
  }
  return result;
}

/** The layer download is signed by ECR: it matches `*` only (not principals of your accounts). */
function principalMatches(s: Record<string, unknown>): Match3 {
  if (s.NotPrincipal !== undefined) return 'maybe';
  const p = s.Principal;
  if (p === '*') return 'yes';
  if (p && typeof p === 'object') {
    const aws = (p as Record<string, unknown>).AWS;
    if (aws !== undefined && asList(aws).includes('*')) return 'yes';
  }
  return 'no';
}

function actionMatches(s: Record<string, unknown>): Match3 {
  if (s.NotAction !== undefined) return not(anyMatches(s.NotAction, 's3:GetObject', true));
  if (s.Action === undefined) return 'no';
  return anyMatches(s.Action, 's3:GetObject', true);
}

function resourceMatches(s: Record<string, unknown>, arn: string): Match3 {
  if (s.NotResource !== undefined) return not(anyMatches(s.NotResource, arn, false));
  if (s.Resource === undefined) return 'no';
  return anyMatches(s.Resource, arn, false);
}

/**
 * Whether a Deny's conditions hold for a layer download. None: yes. Conditions that only say
 * "the principal or the resource is not of these accounts or organizations" hold too: ECR's
 * signer and its bucket are AWS's own, outside any customer account or organization. Any other
 * condition: maybe.
 */
const OUTSIDE_CUSTOMER_KEYS = ['aws:principalorgid', 'aws:principalaccount', 'aws:principalorgpaths', 'aws:resourceaccount', 'aws:resourceorgid', 'aws:resourceorgpaths'];
function denyConditionMatches(condition: unknown): Match3 {
  if (condition === undefined) return 'yes';
  if (condition === null || typeof condition !== 'object') return 'maybe';
  for (const [operator, block] of Object.entries(condition as Record<string, unknown>)) {
    if (!/^(StringNotEquals|StringNotLike)(IgnoreCase)?$/.test(operator) || block === null || typeof block !== 'object') return 'maybe';
    if (!Object.keys(block as object).every((k) => OUTSIDE_CUSTOMER_KEYS.includes(k.toLowerCase()))) return 'maybe';
  }
  return 'yes';
}

/** Replace `Ref` of known pseudo parameters and joins of literals by their strings. */
function flattenKnown(v: unknown, pseudo: Record<string, string | undefined>): unknown {
  if (Array.isArray(v)) return v.map((x) => flattenKnown(x, pseudo));
  if (v === null || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  if (typeof o.Ref === 'string' && Object.keys(o).length === 1) return pseudo[o.Ref] ?? o;
  const join = o['Fn::Join'];
  if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1]) && Object.keys(o).length === 1) {
    const parts = (join[1] as unknown[]).map((x) => flattenKnown(x, pseudo));
    return parts.every((p) => typeof p === 'string') ? parts.join(join[0]) : { 'Fn::Join': [join[0], parts] };
  }
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, flattenKnown(x, pseudo)]));
}
