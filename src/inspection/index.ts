// Re-exports only (zones.ts and imported-service.ts are internal).
export * from './service-reference';
export * from './gateway-load-balancer-service';
export * from './inspection-endpoints';
