// The public (jsii) surface of core; internal helpers are imported by path.
// `ConnectivityError` (error.ts) extends Error, which jsii cannot carry to other languages: it is
// thrown with `name === 'ConnectivityError'` and a `ruleId`, and TypeScript users can import it
// from 'cdk-private-connectivity/lib/core/error'.
export * from './graph';
