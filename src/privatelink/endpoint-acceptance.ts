import * as path from 'path';
import {
  CustomResource, CustomResourceProvider, CustomResourceProviderRuntime, Duration, Lazy, Stack, Token,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { PrivateLinkConsumer } from './consumer';
import { PrivateLinkService } from './private-link-service';
import { fail } from '../core/errors';
import { acknowledgeFunctionOutsideVpc, acknowledgeRule } from '../core/nag';
import { Rules } from '../core/rules';
import { show } from '../core/warnings';

/** Properties of a {@link PrivateLinkEndpointAcceptance}. */
export interface PrivateLinkEndpointAcceptanceProps {
  /** The service whose connection requests are accepted (a `PrivateLinkService` of this app). */
  readonly service: PrivateLinkService;
  /**
   * The accounts whose pending endpoints are accepted; each must be allowed by the service.
   * @default - the accounts of the service's allowed principals
   */
  readonly accounts?: string[];
  /**
   * How long the deployment waits for the endpoints of this app's consumers in those accounts to
   * request a connection, from 1 second to 14 minutes.
   * @default Duration.minutes(10)
   */
  readonly maxWait?: Duration;
}

/** The resource type of the acceptance custom resource. */
const RESOURCE_TYPE = 'Custom::PrivateLinkEndpointAcceptance';
// Lambda quotas: a function runs at most 15 minutes; leave a minute for the last calls and the reply.
const MAX_WAIT_SECONDS = 14 * 60;

/**
 * A deploy-time step that accepts the pending endpoint connections of a PrivateLink service from
 * accounts the service allows, after the consumers of this app are deployed.
 *
 * Put it in a stack of its own in the provider's account and region: that stack depends on the
 * provider stack and on the stack of every `PrivateLinkEndpoint` of this app connected to the
 * service, so `cdk deploy --all` deploys it last. On each create or update it polls
 * `DescribeVpcEndpointConnections` (back-off from 1 second, bounded by `maxWait`), accepts the
 * `pendingAcceptance` connections of the listed accounts, and fails, naming them, when an expected
 * consumer has not appeared or a connection is still pending when the wait ends. It re-runs when
 * the accounts or the number of this app's endpoints per account change; deleting it rejects nothing.
 */
export class PrivateLinkEndpointAcceptance extends Construct {
  /** The accounts whose pending endpoints are accepted. */
  public readonly accounts: string[];
  /** The custom resource that accepts the connections. */
  public readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: PrivateLinkEndpointAcceptanceProps) {
    super(scope, id);
    const service = props.service;
    const stack = Stack.of(this);
    const providerStack = Stack.of(service);

    if (!service.acceptanceRequired) {
      fail(this, Rules.PRIVATELINK_ACCEPTANCE_NOT_REQUIRED, {
        prop: 'service',
        received: `${service.node.path} has acceptanceRequired false`,
        rule: 'without required acceptance, AWS accepts the requests of allowed principals by itself',
      });
    }
    this.checkPlacement(stack, providerStack, service);
    this.accounts = this.checkAccounts(service, props.accounts);
    const maxWait = props.maxWait ?? Duration.minutes(10);
    const waitSeconds = maxWait.toSeconds({ integral: false });
    if (!Token.isUnresolved(waitSeconds) && (waitSeconds < 1 || waitSeconds > MAX_WAIT_SECONDS)) {
      fail(this, Rules.PRIVATELINK_ACCEPTANCE_WAIT_INVALID, {
        prop: 'maxWait',
        received: maxWait.toHumanString(),
        rule: 'the wait runs inside one Lambda invocation, which lasts 15 minutes at most',
      });
    }
    service._addAcceptedAccounts(this.accounts);

    // "Actions, resources, and condition keys for Amazon EC2": AcceptVpcEndpointConnections takes the
    // vpc-endpoint-service and the consumers' vpc-endpoint resources; Describe* takes no resource.
    const partition = stack.partition;
    const regions = [providerStack.region, ...service.supportedRegions];
    const provider = CustomResourceProvider.getOrCreateProvider(this, RESOURCE_TYPE, {
      codeDirectory: path.join(__dirname, '..', '..', 'handlers', 'endpoint-acceptance'),
      runtime: CustomResourceProviderRuntime.NODEJS_22_X,
      timeout: Duration.minutes(15),
      description: 'Accepts pending PrivateLink endpoint connections of allowed accounts (cdk-private-connectivity)',
    });
    provider.addToRolePolicy({ Effect: 'Allow', Action: 'ec2:DescribeVpcEndpointConnections', Resource: '*' });
    provider.addToRolePolicy({
      Effect: 'Allow',
      Action: 'ec2:AcceptVpcEndpointConnections',
      Resource: [
        stack.formatArn({ service: 'ec2', resource: 'vpc-endpoint-service', resourceName: service.serviceId, region: providerStack.region, account: providerStack.account, partition }),
        ...this.accounts.flatMap((account) => regions.map((region) =>
          stack.formatArn({ service: 'ec2', resource: 'vpc-endpoint', resourceName: '*', region, account, partition }))),
      ],
    });
    acknowledgeRule(provider, 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      'The acceptance function only writes its own CloudWatch Logs with this managed policy.');
    acknowledgeRule(provider, 'AwsSolutions-IAM5[Resource::*]',
      'ec2:DescribeVpcEndpointConnections supports no resource-level permissions; it only lists the connections of the services the account owns.');
    acknowledgeFunctionOutsideVpc(provider, 'the EC2 API (DescribeVpcEndpointConnections, AcceptVpcEndpointConnections)');
    // cdk-nag names a finding by the rendered ARN: AWS::Partition, or a literal partition under
    // @aws-cdk/core:enablePartitionLiterals.
    const shownPartition = Token.isUnresolved(partition) ? '<AWS::Partition>' : partition;
    for (const account of this.accounts) {
      for (const region of regions) {
        acknowledgeRule(provider, `AwsSolutions-IAM5[Resource::arn:${shownPartition}:ec2:${region}:${account}:vpc-endpoint/*]`,
          'The consumers\' endpoint IDs are created in their own accounts and are not known to the provider; the statement is limited to the allowed accounts and the service\'s regions.');
      }
    }

    // Expected endpoints: this app's consumers in the accepted accounts, counted per account. The
    // count is a property, so a new consumer makes the step run again.
    const expected: Record<string, number> = {};
    this.resource = new CustomResource(this, 'Resource', {
      resourceType: RESOURCE_TYPE,
      serviceToken: provider.serviceToken,
      properties: {
        ServiceId: service.serviceId,
        Accounts: this.accounts,
        ExpectedEndpoints: Lazy.any({ produce: () => ({ ...expected }) }),
        MaxWaitSeconds: waitSeconds,
      },
    });
    service._onConsumer((c: PrivateLinkConsumer) => {
      if (c.account === undefined || !this.accounts.includes(c.account)) return;
      expected[c.account] = (expected[c.account] ?? 0) + 1;
      const consumerStack = Stack.of(c.endpoint);
      if (consumerStack === stack) {
        this.resource.node.addDependency(c.endpoint);
      } else {
        // Checked by CDK too: a consumer stack that depends on this stack would be a cycle.
        stack.addStackDependency(consumerStack, `${c.endpoint.node.path} must request its connection before it is accepted`);
      }
    });
  }

  /** Refuse a stack outside the provider's account and region, or the provider's stack itself. */
  private checkPlacement(stack: Stack, providerStack: Stack, service: PrivateLinkService): void {
    const where = (s: Stack) => `${s.node.path} (account ${show(s.account)}, region ${show(s.region)})`;
    if (stack === providerStack) {
      fail(this, Rules.PRIVATELINK_ACCEPTANCE_PLACEMENT, {
        prop: 'scope',
        received: `is the provider's stack ${providerStack.node.path}`,
        rule: 'the acceptance deploys after the consumers, which deploy after the provider: in one stack that is a dependency cycle',
      });
    }
    const literalEnv = (s: Stack) => !Token.isUnresolved(s.account) && !Token.isUnresolved(s.region);
    if (!literalEnv(stack) || !literalEnv(providerStack) || stack.account !== providerStack.account || stack.region !== providerStack.region) {
      fail(this, Rules.PRIVATELINK_ACCEPTANCE_PLACEMENT, {
        prop: 'scope',
        received: `is in ${where(stack)}; the service ${service.node.path} is in ${where(providerStack)}`,
        rule: 'only the service owner, in the service\'s region, can accept its connection requests; the env must be explicit on both stacks',
      });
    }
  }

  /** The accounts to accept: literal 12-digit IDs the service allows. */
  private checkAccounts(service: PrivateLinkService, given: string[] | undefined): string[] {
    const allowed = service._allowedAccounts;
    if (given === undefined) {
      if (allowed === undefined || allowed.length === 0) {
        fail(this, Rules.PRIVATELINK_ACCEPTANCE_ACCOUNTS, {
          prop: 'accounts',
          received: `not given, and the allowed principals of ${service.node.path} ${allowed === undefined ? 'include `*` or a deploy-time ARN' : 'are none'}`,
          rule: 'an acceptance accepts the endpoints of accounts it can name, never of anyone',
        });
      }
      return [...allowed];
    }
    if (given.length === 0) {
      fail(this, Rules.PRIVATELINK_ACCEPTANCE_ACCOUNTS, {
        prop: 'accounts',
        received: '[]',
        rule: 'an acceptance accepts the endpoints of at least one account',
      });
    }
    given.forEach((account, i) => {
      if (Token.isUnresolved(account) || !/^\d{12}$/.test(account)) {
        fail(this, Rules.PRIVATELINK_ACCEPTANCE_ACCOUNTS, {
          prop: `accounts[${i}]`,
          received: show(account),
          rule: 'an endpoint\'s owner is a literal 12-digit account ID',
        });
      }
      if (allowed !== undefined && !allowed.includes(account)) {
        fail(this, Rules.PRIVATELINK_ACCEPTANCE_ACCOUNTS, {
          prop: `accounts[${i}]`,
          received: `${show(account)} is not among the accounts ${service.node.path} allows (${allowed.join(', ') || 'none'})`,
          rule: 'only principals the service allows can request a connection',
        });
      }
    });
    return [...new Set(given)];
  }
}
