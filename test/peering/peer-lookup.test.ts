import { Match, Template } from 'aws-cdk-lib/assertions';
import { arnMatching, importedVpc, newApp, PARTNER, stackIn, vpcIn } from './helpers';
import { PeeredVpcPair } from '../../src/peering';

/** The SDK calls of a stack's Custom::AWS resources, tokens as 'TOKEN'. */
function sdkCalls(stack: import('aws-cdk-lib').Stack): any[] {
  return Object.values(Template.fromStack(stack).findResources('Custom::AWS')).map((r: any) => {
    const create = stack.resolve(r.Properties.Create);
    return JSON.parse(typeof create === 'string' ? create : create['Fn::Join'][1].map((p: unknown) => (typeof p === 'string' ? p : 'TOKEN')).join(''));
  });
}

/** The accepter-side lookup steps of a stack, tokens as 'TOKEN'. */
function lookups(stack: import('aws-cdk-lib').Stack): any[] {
  return Object.values(Template.fromStack(stack).findResources('Custom::PeeringConnection'))
    .map((r: any) => r.Properties)
    .filter((p) => p.Operation === 'Lookup')
    .map(({ ServiceToken, ...p }) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, typeof v === 'string' || typeof v === 'number' ? v : 'TOKEN'])));
}

describe('deploy-time lookups across regions and accounts', () => {
  test('the accepter side finds the connection by filters known at synth, waiting for it to be active', () => {
    // GIVEN / WHEN
    const app = newApp();
    const use1 = stackIn(app, 'Use1');
    const euw1 = stackIn(app, 'Euw1', 'eu-west-1');
    const pair = new PeeredVpcPair(use1, 'P', { requester: vpcIn(use1, 'A', '10.0.0.0/16', { maxAzs: 1 }), accepter: vpcIn(euw1, 'B', '10.1.0.0/16', { maxAzs: 1 }) });

    // THEN
    expect(lookups(pair.accepterStack)).toEqual([{
      Operation: 'Lookup',
      AccepterVpcId: 'TOKEN',
      RequesterAccount: '111111111111',
      RequesterRegion: 'us-east-1',
      RequesterCidrBlock: '10.0.0.0/16',
      Generation: expect.stringMatching(/^[0-9a-f]{16}$/),
      WaitSeconds: 600,
    }]);
    // the routes use the lookup's physical ID, the connection ID
    Template.fromStack(pair.accepterStack).hasResourceProperties('AWS::EC2::Route', {
      VpcPeeringConnectionId: { Ref: Match.stringLikeRegexp('PeeringConnectionId') },
    });
    // Describe* supports no resource-level permissions
    Template.fromStack(pair.accepterStack).hasResourceProperties('AWS::IAM::Role', {
      Policies: [{ PolicyDocument: { Statement: [{ Effect: 'Allow', Action: ['ec2:DescribeVpcPeeringConnections'], Resource: ['*'] }] } }],
    });
  });

  test('a literal requester VPC ID is used as the filter instead of its block', () => {
    const app = newApp();
    const use1 = stackIn(app, 'Use1');
    const euw1 = stackIn(app, 'Euw1', 'eu-west-1');
    const pair = new PeeredVpcPair(use1, 'P', { requester: importedVpc(use1, 'A', 'vpc-0aaaaaaa', '10.0.0.0/16'), accepter: vpcIn(euw1, 'B', '10.1.0.0/16', { maxAzs: 1 }) });
    expect(lookups(pair.accepterStack)[0]).toMatchObject({ RequesterVpcId: 'vpc-0aaaaaaa' });
    expect(lookups(pair.accepterStack)[0].RequesterCidrBlock).toBeUndefined();
  });

  describe('the lookup\'s generation follows the connection', () => {
    /** The generation of the lookup of a cross-region pair built by `build`. */
    function generation(requesterCidr: string, accepterCidr = '10.1.0.0/16', pairId = 'P'): string {
      const app = newApp();
      const use1 = stackIn(app, 'Use1');
      const euw1 = stackIn(app, 'Euw1', 'eu-west-1');
      const pair = new PeeredVpcPair(use1, pairId, { requester: vpcIn(use1, 'A', requesterCidr, { maxAzs: 1 }), accepter: vpcIn(euw1, 'B', accepterCidr, { maxAzs: 1 }) });
      return lookups(pair.accepterStack)[0].Generation;
    }

    test('unchanged app: same generation (the lookup does not run again)', () => {
      expect(generation('10.0.0.0/16')).toEqual(generation('10.0.0.0/16'));
    });

    test('a new requester block replaces the VPC and the connection: new generation', () => {
      expect(generation('10.9.0.0/16')).not.toEqual(generation('10.0.0.0/16'));
    });

    test('a new accepter block replaces the accepter VPC and the connection: new generation', () => {
      expect(generation('10.0.0.0/16', '10.8.0.0/16')).not.toEqual(generation('10.0.0.0/16'));
    });

    test('a renamed pair replaces the connection (new logical ID): new generation', () => {
      expect(generation('10.0.0.0/16', '10.1.0.0/16', 'Q')).not.toEqual(generation('10.0.0.0/16'));
    });
  });

  test('the requester stack reads a VPC created in another region by its CloudFormation tags', () => {
    const app = newApp();
    const use1 = stackIn(app, 'Use1');
    const euw1 = stackIn(app, 'Euw1', 'eu-west-1');
    new PeeredVpcPair(use1, 'P', { requester: vpcIn(use1, 'A', '10.0.0.0/16', { maxAzs: 1 }), accepter: vpcIn(euw1, 'B', '10.1.0.0/16', { maxAzs: 1 }) });
    expect(sdkCalls(use1)).toEqual([expect.objectContaining({
      action: 'describeVpcs',
      region: 'eu-west-1',
      parameters: {
        Filters: [
          { Name: 'tag:aws:cloudformation:stack-name', Values: ['Euw1'] },
          { Name: 'tag:aws:cloudformation:logical-id', Values: [expect.stringMatching(/^B[0-9A-F]{8}$/)] },
        ],
      },
    })]);
  });

  test('across accounts the VPC lookup assumes the accepter role, which may then describe VPCs', () => {
    const app = newApp();
    const net = stackIn(app, 'Network');
    const partner = stackIn(app, 'Partner', 'us-east-1', PARTNER);
    new PeeredVpcPair(net, 'P', { requester: vpcIn(net, 'A', '10.0.0.0/16', { maxAzs: 1 }), accepter: vpcIn(partner, 'B', '10.1.0.0/16', { maxAzs: 1 }) });
    const lookup = sdkCalls(net).find((c) => c.action === 'describeVpcs');
    expect(lookup.assumedRoleArn).toMatch(/:iam::222222222222:role\/partner/);
    Template.fromStack(net).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Resource: arnMatching(/^arn:aws:iam::222222222222:role\/partner/) }] },
    });
    Template.fromStack(partner).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([{ Action: 'ec2:DescribeVpcs', Effect: 'Allow', Resource: '*' }]) },
    });
  });
});
