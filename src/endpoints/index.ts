// Re-exports only.
export * from './services';
export * from './endpoint-policy';
export * from './gateway-endpoint-set';
export * from './interface-endpoint-set';
export * from './interface-endpoint-hub';
export * from './hub-cost';
