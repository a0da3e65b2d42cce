/** DNS names PrivateLink constructs take: refused when they cannot exist (internal). Regions: core/region-names. */
import { IConstruct } from 'constructs';
import { describeConstruct } from '../core/errors';
import { validateDnsName } from '../net/dns-name';

/** Refuse a private DNS name that breaks RFC 1035 (a leading `*` label is allowed). */
export function checkPrivateDnsName(scope: IConstruct, prop: string, name: string | undefined): void {
  // Manage DNS names for VPC endpoint services: labels up to 63 characters, the name up to 255 octets (RFC 1034).
  if (name !== undefined) validateDnsName(name, describeConstruct(scope), prop, { allowWildcard: true });
}
