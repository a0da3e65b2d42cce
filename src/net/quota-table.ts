/**
 * The quota catalogue: AWS default and maximum of each quota in `QuotaValues`, with the title of
 * the doc page each figure comes from, and the validation of user overrides.
 *
 * Internal (import by path): `ResolvedQuotas` is a mapped type and the table is data, neither of
 * which jsii needs to see.
 */
import { QuotaValues } from './quotas';
import { fail } from '../core/errors';
import { Rules } from '../core/rules';

/** One quota: its key in `QuotaValues`, AWS default and maximum, and where those come from. */
export interface QuotaRow {
  readonly key: keyof QuotaValues;
  /** What is counted, in AWS's words. */
  readonly description: string;
  readonly default: number;
  /** Largest value AWS allows; `undefined` where the doc page documents no maximum. */
  readonly max: number | undefined;
  /** Title of the AWS doc page the default and maximum come from. */
  readonly source: string;
}

const VPC_QUOTAS = 'Amazon VPC quotas';
const PRIVATELINK_QUOTAS = 'AWS PrivateLink quotas';
const ROUTE53_QUOTAS = 'Amazon Route 53 quotas';
const LATTICE_QUOTAS = 'Quotas for Amazon VPC Lattice';

/** Every quota, in `QuotaValues` order. */
export const QUOTA_TABLE: readonly QuotaRow[] = [
  // Amazon VPC quotas: "This quota can be increased up to a maximum of 125."
  { key: 'activePeeringsPerVpc', description: 'active VPC peering connections per VPC', default: 50, max: 125, source: VPC_QUOTAS },
  // Amazon VPC quotas: up to 1,000; IPv4 and IPv6 routes are counted separately. (AWS has been
  // reported to raise the default for new accounts; a higher figure is declared as an override.)
  { key: 'routesPerRouteTable', description: 'routes per route table (per IP family)', default: 50, max: 1000, source: VPC_QUOTAS },
  // Amazon VPC quotas: "IPv4 CIDR blocks per VPC | 5 | Yes (up to 50)".
  { key: 'ipv4CidrBlocksPerVpc', description: 'IPv4 CIDR blocks per VPC', default: 5, max: 50, source: VPC_QUOTAS },
  // Amazon VPC quotas: "IPv6 CIDR blocks per VPC | 5 | Yes (up to 50)" (older editions: 1, not adjustable).
  { key: 'ipv6CidrBlocksPerVpc', description: 'IPv6 CIDR blocks per VPC', default: 5, max: 50, source: VPC_QUOTAS },
  // AWS PrivateLink quotas: "Gateway VPC endpoints per Region | 20 | Yes | You can create up to 255 gateway endpoints per VPC".
  { key: 'gatewayEndpointsPerRegion', description: 'gateway VPC endpoints per Region', default: 20, max: 255, source: PRIVATELINK_QUOTAS },
  // AWS PrivateLink quotas: "Interface and Gateway Load Balancer endpoints per VPC | 50 | Yes"; no maximum documented.
  {
    key: 'interfaceEndpointsPerVpc',
    description: 'interface and Gateway Load Balancer endpoints per VPC',
    default: 50,
    max: undefined,
    source: PRIVATELINK_QUOTAS,
  },
  // Amazon Route 53 quotas: "Number of Amazon VPCs that you can associate with a private hosted zone | 300"; adjustable, no maximum documented.
  { key: 'vpcsPerPrivateHostedZone', description: 'VPCs associated with one private hosted zone', default: 300, max: undefined, source: ROUTE53_QUOTAS },
  // Amazon Route 53 quotas: "Hosted zones | 500"; adjustable, no maximum documented.
  { key: 'hostedZonesPerAccount', description: 'hosted zones per account', default: 500, max: undefined, source: ROUTE53_QUOTAS },
  // Quotas for Amazon VPC Lattice: "Resource gateways per VPC | 500 | Yes"; no maximum documented.
  { key: 'resourceGatewaysPerVpc', description: 'resource gateways per VPC', default: 500, max: undefined, source: LATTICE_QUOTAS },
  // Quotas for Amazon VPC Lattice: "Resource configurations per AWS Region | 2,000 | Yes" (per account); no maximum documented.
  {
    key: 'resourceConfigurationsPerRegion',
    description: 'resource configurations per account and Region',
    default: 2000,
    max: undefined,
    source: LATTICE_QUOTAS,
  },
  // Quotas for Amazon VPC Lattice: "Child Resource Configurations per Group Resource Configuration | 60 | Yes"; no maximum documented.
  {
    key: 'childConfigurationsPerGroup',
    description: 'child resource configurations per group resource configuration',
    default: 60,
    max: undefined,
    source: LATTICE_QUOTAS,
  },
];

/** Every quota with a value: the override where one was given, else the AWS default. */
export type ResolvedQuotas = Required<QuotaValues>;

/** The AWS defaults. */
export const DEFAULT_QUOTAS: ResolvedQuotas = resolveQuotas();

/** The row of one quota. */
export function quotaRow(key: keyof QuotaValues): QuotaRow {
  const row = QUOTA_TABLE.find((r) => r.key === key);
  if (row === undefined) {
    throw new Error(`no quota row for ${String(key)}`);
  }
  return row;
}

function show(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'bigint' || value === undefined) {
    return String(value);
  }
  return JSON.stringify(value) ?? String(value);
}

function range(row: QuotaRow): string {
  return row.max === undefined ? 'at least 1' : `from 1 to ${row.max}`;
}

function limits(row: QuotaRow): string {
  return row.max === undefined
    ? `AWS default ${row.default}; "${row.source}" documents no maximum`
    : `AWS default ${row.default}, maximum ${row.max} per "${row.source}"`;
}

/**
 * Merge quota overrides over the AWS defaults, refusing anything AWS could not have granted.
 *
 * @param overrides values from props or from JSON context (so unknown keys and non-numbers are checked too)
 * @param subject who the error message names, e.g. `QuotaValues` or a construct kind and path
 * @throws ConnectivityError (`quota-invalid`) for an unknown key, or a value that is not a whole
 *   number from 1 to the quota's maximum
 */
export function resolveQuotas(overrides?: QuotaValues, subject: string = 'QuotaValues'): ResolvedQuotas {
  const resolved: Record<string, number> = {};
  for (const row of QUOTA_TABLE) {
    resolved[row.key] = row.default;
  }
  if (overrides === undefined) {
    return resolved as unknown as ResolvedQuotas;
  }
  const validKeys = QUOTA_TABLE.map((r) => r.key);
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    fail(subject, Rules.QUOTA_INVALID, {
      prop: 'quotas',
      received: show(overrides),
      rule: `quota overrides are an object with any of the keys ${validKeys.join(', ')}`,
      fix: 'Pass an object such as { "activePeeringsPerVpc": 100 }.',
    });
  }
  for (const key of Object.keys(overrides)) {
    if (!(validKeys as string[]).includes(key)) {
      const near = validKeys.find((k) => k.toLowerCase() === key.toLowerCase());
      fail(subject, Rules.QUOTA_INVALID, {
        prop: 'quota key',
        received: JSON.stringify(key),
        rule: `it is not a quota this library counts; valid keys are ${validKeys.join(', ')}`,
        fix: near !== undefined ? `Did you mean ${near}?` : 'Remove it, or use one of the valid keys.',
      });
    }
  }
  for (const row of QUOTA_TABLE) {
    const value: unknown = (overrides as Record<string, unknown>)[row.key];
    if (value === undefined) {
      continue;
    }
    const ok = typeof value === 'number' && Number.isInteger(value) && value >= 1 && (row.max === undefined || value <= row.max);
    if (!ok) {
      fail(subject, Rules.QUOTA_INVALID, {
        prop: row.key,
        received: show(value),
        rule: `${row.description} must be a whole number ${range(row)} (${limits(row)})`,
        fix: `Give the quota your account actually has, a whole number ${range(row)}.`,
      });
    }
    resolved[row.key] = value;
  }
  return resolved as unknown as ResolvedQuotas;
}

/** A quota AWS does not let accounts raise, so it takes no override. */
export interface FixedQuotaRow {
  /** What is counted, in AWS's words. */
  readonly description: string;
  readonly value: number;
  /** Title of the AWS doc page the figure comes from. */
  readonly source: string;
}

/** Quotas that are not adjustable (no `QuotaValues` key). */
export const FIXED_QUOTAS = {
  // Quotas for your Network Load Balancers: "Listeners per Network Load Balancer | 50 | No".
  listenersPerNetworkLoadBalancer: {
    description: 'listeners per Network Load Balancer',
    value: 50,
    source: 'Quotas for your Network Load Balancers',
  },
} as const satisfies Record<string, FixedQuotaRow>;
