/**
 * The VPC Lattice quotas PrivateLink for VPC resources counts against (internal): the graph's
 * quotas, as every family reads them (AWS defaults from src/net/quota-table.ts, then the
 * `cdk-private-connectivity:quotas` context key, then `ConnectivityGraph.declareQuotas`).
 */
import { IConstruct } from 'constructs';
import { ConnectivityGraph } from '../core/graph';
import { quotaRow, resolveQuotas, ResolvedQuotas } from '../net/quota-table';

/** Title of the page the resource quotas come from ("Quotas for Amazon VPC Lattice"). */
export const RESOURCE_QUOTAS_SOURCE = quotaRow('resourceGatewaysPerVpc').source;

/** The quotas in force for the app `scope` belongs to. */
export function resourceQuotas(scope: IConstruct): ResolvedQuotas {
  return resolveQuotas(ConnectivityGraph.of(scope).quotas);
}
