/**
 * VPC Lattice quotas that PrivateLink for VPC resources counts against (internal): AWS defaults
 * ("Quotas for Amazon VPC Lattice") and overrides from the `cdk-private-connectivity:resource-quotas`
 * context key, for accounts with raised quotas.
 */
import { IConstruct } from 'constructs';
import { fail } from '../core/errors';
import { Rules } from '../core/rules';

/** Context key holding resource quota overrides, e.g. `{ "resourceGatewaysPerVpc": 600 }`. */
export const RESOURCE_QUOTAS_CONTEXT_KEY = 'cdk-private-connectivity:resource-quotas';

/** The resource quotas in force. */
export interface ResourceQuotas {
  readonly resourceGatewaysPerVpc: number;
  readonly resourceConfigurationsPerRegion: number;
  readonly childConfigurationsPerGroup: number;
}

/** Title of the page the defaults come from. */
export const RESOURCE_QUOTAS_SOURCE = 'Quotas for Amazon VPC Lattice';

// Quotas for Amazon VPC Lattice: "Resource gateways per VPC | 500 | Yes", "Resource configurations
// per AWS Region | 2,000 | Yes" (per account), "Child Resource Configurations per Group Resource
// Configuration | 60 | Yes". All adjustable, no maximum documented.
export const DEFAULT_RESOURCE_QUOTAS: ResourceQuotas = {
  resourceGatewaysPerVpc: 500,
  resourceConfigurationsPerRegion: 2000,
  childConfigurationsPerGroup: 60,
};

/** The defaults, overridden by the context key; refuses unknown keys and values that are not positive integers. */
export function resourceQuotas(scope: IConstruct): ResourceQuotas {
  const raw = scope.node.tryGetContext(RESOURCE_QUOTAS_CONTEXT_KEY) as unknown;
  if (raw === undefined || raw === null) return DEFAULT_RESOURCE_QUOTAS;
  const subject = `context '${RESOURCE_QUOTAS_CONTEXT_KEY}'`;
  const keys = Object.keys(DEFAULT_RESOURCE_QUOTAS);
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    fail(subject, Rules.QUOTA_INVALID, {
      prop: 'quotas',
      received: JSON.stringify(raw),
      rule: `resource quota overrides are an object with any of the keys ${keys.join(', ')}`,
    });
  }
  const out: Record<string, number> = { ...DEFAULT_RESOURCE_QUOTAS };
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (!keys.includes(k) || typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
      fail(subject, Rules.QUOTA_INVALID, {
        prop: `quota ${JSON.stringify(k)}`,
        received: JSON.stringify(v),
        rule: `a resource quota is a whole number of at least 1, under one of the keys ${keys.join(', ')} ("${RESOURCE_QUOTAS_SOURCE}")`,
      });
    }
    out[k] = v as number;
  }
  return out as unknown as ResourceQuotas;
}
