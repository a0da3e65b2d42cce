// Re-exports only (ports.ts, zones.ts, consumer.ts and imported-service.ts are internal).
export * from './az-ids';
export * from './service-reference';
export * from './private-link-service';
export * from './private-link-endpoint';
export * from './endpoint-acceptance';
