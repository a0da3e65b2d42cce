// The jsii-public part of `net`. Internal helpers (cidr-parse, ip-address, overlap, regions,
// quota-table) use unions, generics or bigint and are imported by path instead.
export * from './cidr';
export * from './quotas';
