/**
 * The private DNS names of AWS services, as an interface endpoint hub recreates them in private
 * hosted zones: the zone's name, whether clients use sub-domains of it (a wildcard record), and
 * the few services whose names do not follow `<service>.<region>.<dns suffix>`.
 *
 * Internal (not re-exported by index.ts): a data table and plain functions.
 */
import { validateDnsName } from '../net/dns-name';

/** How the hub names a service's zone and records. */
export interface HubDnsFacts {
  /** The private hosted zone's name (no trailing dot), or undefined when the service has no private DNS name. */
  readonly zoneName?: string;
  /** Whether clients call sub-domains of the zone's name (bucket, registry or API IDs): a `*` record too. */
  readonly wildcard: boolean;
  /**
   * Whether the endpoint's regional DNS entry starts with `*.` (the record aliases the name after it).
   * @default false
   */
  readonly entryIsWildcard: boolean;
  /** The full service name, when it is not `com.amazonaws.<region>.<short name>` (global services). */
  readonly serviceName?: string;
  /** The only region whose endpoint serves a global service. */
  readonly onlyRegion?: string;
}

/** One row of the table: placeholders `{region}` and `{suffix}`. */
interface DnsRow {
  readonly zone?: string;
  readonly wildcard?: boolean;
  readonly entryIsWildcard?: boolean;
  readonly serviceName?: string;
  readonly onlyRegion?: string;
}

/** Services whose private DNS names are not `<short name>.<region>.<suffix>`, by short name. */
const IRREGULAR: Record<string, DnsRow> = {
  // AWS PrivateLink for Amazon S3: private DNS covers s3.<region>.amazonaws.com and its bucket
  // sub-domains; the endpoint-specific names are *.vpce-<id>.s3.<region>.vpce.amazonaws.com.
  's3': { zone: 's3.{region}.{suffix}', wildcard: true, entryIsWildcard: true },
  // Amazon ECR interface VPC endpoints (AWS PrivateLink): api.ecr.<region>.amazonaws.com and
  // <registry>.dkr.ecr.<region>.amazonaws.com.
  'ecr.api': { zone: 'api.ecr.{region}.{suffix}' },
  'ecr.dkr': { zone: 'dkr.ecr.{region}.{suffix}', wildcard: true },
  // Access a private API (API Gateway developer guide): <api-id>.execute-api.<region>.amazonaws.com.
  'execute-api': { zone: 'execute-api.{region}.{suffix}', wildcard: true },
  // Kinesis Data Streams and Firehose endpoints (AWS general reference, service endpoints).
  'kinesis-streams': { zone: 'kinesis.{region}.{suffix}' },
  'kinesis-firehose': { zone: 'firehose.{region}.{suffix}' },
  // AWS PrivateLink for DynamoDB Streams: private and hybrid DNS are not supported.
  'dynamodb-streams': {},
  // IAM User Guide, "Create a VPC endpoint for IAM": service com.amazonaws.iam, name iam.amazonaws.com,
  // in US East (N. Virginia) only.
  'iam': { zone: 'iam.{suffix}', serviceName: 'com.amazonaws.iam', onlyRegion: 'us-east-1' },
};

/** The DNS facts of a service by short name, in a region (literal or token text) and DNS suffix. */
export function hubDnsFacts(shortName: string, region: string, suffix: string): HubDnsFacts {
  const row: DnsRow = IRREGULAR[shortName] ?? { zone: `${shortName}.{region}.{suffix}` };
  const fill = (t: string) => t.replace('{region}', region).replace('{suffix}', suffix);
  return {
    zoneName: row.zone === undefined ? undefined : fill(row.zone),
    wildcard: row.wildcard ?? false,
    entryIsWildcard: row.entryIsWildcard ?? false,
    serviceName: row.serviceName,
    onlyRegion: row.onlyRegion,
  };
}

/** A service's own private DNS facts, when given (`InterfaceEndpointService.of(name, options)`). */
export interface HubDnsOverride {
  readonly privateDnsName?: string;
  readonly privateDnsSubdomains?: boolean;
}

/**
 * The table's facts with the service's own private DNS name and sub-domain flag in their place,
 * when given. The zone's name is refused (`dns-name-invalid`) when it breaks RFC 1035 and kept
 * without a trailing dot (the records add it); a token passes unchecked, for the caller to warn.
 */
export function hubZoneFacts(table: HubDnsFacts, override: HubDnsOverride, subject: string, prop: string): HubDnsFacts {
  if (override.privateDnsName === undefined && override.privateDnsSubdomains === undefined) return table;
  const zoneName = override.privateDnsName?.replace(/\.$/, '') ?? table.zoneName;
  // Route 53 names a private hosted zone after the domain: RFC 1035 labels, at most 253 characters.
  if (zoneName !== undefined) validateDnsName(zoneName, subject, prop);
  return { ...table, zoneName, wildcard: override.privateDnsSubdomains ?? table.wildcard };
}
