// Re-exports only.
export * from './peered-vpc-pair';
export * from './accepter-role';
