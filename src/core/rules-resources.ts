// Rules of PrivateLinkResource and PrivateLinkResourceEndpoint (PrivateLink for VPC resources).
import { rule, RuleSeverity } from './rule-types';

/** Rules of PrivateLinkResource and PrivateLinkResourceEndpoint. IDs are `resource-<what>`. */
export const ResourceRules = {
};

// Referenced so the helpers stay imported while the family is empty.
void rule;
void RuleSeverity;
