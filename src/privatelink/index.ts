// Re-exports only (ports.ts, zones.ts, consumer.ts and imported-service.ts are internal).
// AZ ID facts live in core (the inspection family reads them too); the package exports them from here, once.
export * from '../core/az-ids';
export * from './service-reference';
export * from './private-link-service';
export * from './private-link-endpoint';
export * from './endpoint-acceptance';
