/**
 * The size of an endpoint policy as CloudFormation sends it. Internal: import by path.
 */
import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { knownPseudoParameters } from './service-name';
import { formatProblem } from '../core/errors';
import { Rules } from '../core/rules';
import { show, warn } from '../core/warnings';

/** AWS PrivateLink quotas: "Characters per VPC endpoint policy | 20,480 | No" (white space included). */
export const MAX_POLICY_CHARACTERS = 20480;

/** IAM quotas: an ARN (the usual deploy-time value in a policy) is at most 2,048 characters. */
const MAX_TOKEN_CHARACTERS = 2048;

/** The length of the policy JSON with deploy-time values counted as empty, and how many there are. */
export interface PolicySize {
  /** Characters of the compact JSON, deploy-time values counted as empty strings. */
  readonly knownCharacters: number;
  /** Number of deploy-time values (intrinsics) whose length is unknown at synth. */
  readonly unknownValues: number;
}

/** Measure a policy document as the stack resolves it. */
export function measurePolicy(stack: Stack, document: unknown): PolicySize {
  let unknownValues = 0;
  const pseudo = knownPseudoParameters(stack);
  // A deploy-time value becomes a string; literal parts of a join are counted.
  const asText = (v: unknown): string => {
    if (typeof v === 'string') return v;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      const join = o['Fn::Join'];
      if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
        return (join[1] as unknown[]).map(asText).join(join[0]);
      }
      const known = typeof o.Ref === 'string' ? pseudo[o.Ref] : undefined;
      if (known !== undefined) return known;
    }
    unknownValues++;
    return '';
  };
  const isIntrinsic = (o: Record<string, unknown>) => {
    const keys = Object.keys(o);
    return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
  };
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (isIntrinsic(o)) return asText(o);
      return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  const text = JSON.stringify(walk(stack.resolve(document)) ?? null);
  return { knownCharacters: text.length, unknownValues };
}

/**
 * Check the policy of one endpoint: an error message when it is over the limit for certain, a
 * warning on `endpoint` when deploy-time values could take it over.
 */
export function checkPolicySize(endpoint: ec2.CfnVPCEndpoint, prop: string): string[] {
  if (endpoint.policyDocument === undefined) return [];
  const size = measurePolicy(Stack.of(endpoint), endpoint.policyDocument);
  if (size.knownCharacters > MAX_POLICY_CHARACTERS) {
    return [formatProblem(endpoint, Rules.ENDPOINT_POLICY_TOO_LARGE, {
      prop,
      received: `is ${size.knownCharacters} characters${size.unknownValues > 0 ? ` before ${size.unknownValues} deploy-time values` : ''}`,
      rule: `an endpoint policy is at most ${MAX_POLICY_CHARACTERS.toLocaleString('en-US')} characters (AWS PrivateLink quotas)`,
    })];
  }
  if (size.knownCharacters + size.unknownValues * MAX_TOKEN_CHARACTERS > MAX_POLICY_CHARACTERS) {
    warn(endpoint, Rules.ENDPOINT_POLICY_SIZE_UNKNOWN, {
      prop,
      received: `is ${size.knownCharacters} characters plus ${show(size.unknownValues)} deploy-time values (up to ${MAX_TOKEN_CHARACTERS} characters each)`,
      rule: `an endpoint policy is at most ${MAX_POLICY_CHARACTERS.toLocaleString('en-US')} characters, and the total is only known at deploy time`,
    });
  }
  return [];
}
