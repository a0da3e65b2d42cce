/** Endpoint service names (internal): shared by the PrivateLink and inspection families. */
import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { fail } from './errors';
import { Rules } from './rules';
import { show } from './warnings';

// Endpoint service names: com.amazonaws.vpce.<region>.vpce-svc-<hex> (cn.com.amazonaws.vpce... in China).
const SERVICE_NAME = /^(?:[a-z0-9-]+\.)*vpce\.([a-z0-9-]+)\.vpce-svc-[0-9a-f]+$/;

/** The region named in an endpoint service name, or undefined when the name is a token; refuses a malformed name. */
export function regionOfServiceName(scope: IConstruct, prop: string, serviceName: string): string | undefined {
  if (Token.isUnresolved(serviceName)) return undefined;
  const m = SERVICE_NAME.exec(serviceName);
  if (!m) {
    return fail(scope, Rules.PRIVATELINK_SERVICE_NAME_INVALID, {
      prop,
      received: show(serviceName),
      rule: 'an endpoint service name looks like com.amazonaws.vpce.<region>.vpce-svc-<id>',
    });
  }
  return m[1];
}
