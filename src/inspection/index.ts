export * from './service-reference';
export * from './gateway-load-balancer-service';
export * from './inspection-endpoints';
