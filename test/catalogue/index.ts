/**
 * The catalogue: invalid configurations (each naming the rule it must trigger) and valid controls
 * (each synthesizing with no error and no warning), every one citing the AWS page it comes from.
 *
 * Adding a case is one entry in the family's `cases-<family>.ts` array.
 */
import { ENDPOINT_CASES } from './cases-endpoints';
import { HUB_CASES } from './cases-hub';
import { INSPECTION_CASES } from './cases-inspection';
import { IP_TYPE_CASES } from './cases-ip-types';
import { NAME_CASES } from './cases-names';
import { PEERING_CASES } from './cases-peering';
import { PEERING_ROLE_CASES } from './cases-peering-roles';
import { POLICY_CASES } from './cases-policies';
import { PRIVATELINK_CASES } from './cases-privatelink';
import { RESOURCE_CASES } from './cases-resources';
import { InvalidCase, ValidCase } from './types';
import { VALID_CASES } from './valid';

export type { InvalidCase, ValidCase, Source } from './types';

/** Every invalid configuration, family by family. */
export const INVALID_CASES: InvalidCase[] = [
  ...NAME_CASES,
  ...PEERING_CASES,
  ...PEERING_ROLE_CASES,
  ...PRIVATELINK_CASES,
  ...IP_TYPE_CASES,
  ...ENDPOINT_CASES,
  ...POLICY_CASES,
  ...HUB_CASES,
  ...INSPECTION_CASES,
  ...RESOURCE_CASES,
];

/** Every valid control. */
export const VALID_CONTROLS: ValidCase[] = VALID_CASES;

/**
 * Rules without a catalogue case, each with the reason (a rule added later gets a case, or a line
 * here saying why not).
 */
export const NOT_CATALOGUED: Record<string, string> = {};
