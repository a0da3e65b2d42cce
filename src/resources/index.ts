// Re-exports only (ports.ts, quotas.ts and target-checks.ts internals stay unexported, except the gateway's IP address type).
export * from './resource-target';
export * from './resource-reference';
export { ResourceGatewayIpAddressType } from './target-checks';
export * from './private-link-resource';
export * from './private-link-resource-endpoint';
