import { Match, Template } from 'aws-cdk-lib/assertions';
import { importedVpc, newApp, PARTNER, stackIn, vpcIn } from './helpers';
import { PeeredVpcPair } from '../../src/peering';

/** The SDK calls of a stack's Custom::AWS resources, tokens as 'TOKEN'. */
function calls(stack: import('aws-cdk-lib').Stack): any[] {
  return Object.values(Template.fromStack(stack).findResources('Custom::AWS')).map((r: any) => {
    const create = stack.resolve(r.Properties.Create);
    return JSON.parse(typeof create === 'string' ? create : create['Fn::Join'][1].map((p: unknown) => (typeof p === 'string' ? p : 'TOKEN')).join(''));
  });
}

describe('deploy-time lookups across regions and accounts', () => {
  test('the accepter side finds the active connection by filters known at synth', () => {
    // GIVEN / WHEN
    const app = newApp();
    const use1 = stackIn(app, 'Use1');
    const euw1 = stackIn(app, 'Euw1', 'eu-west-1');
    const pair = new PeeredVpcPair(use1, 'P', { requester: vpcIn(use1, 'A', '10.0.0.0/16', { maxAzs: 1 }), accepter: vpcIn(euw1, 'B', '10.1.0.0/16', { maxAzs: 1 }) });

    // THEN
    expect(calls(pair.accepterStack)).toEqual([expect.objectContaining({
      service: 'EC2',
      action: 'describeVpcPeeringConnections',
      region: 'eu-west-1',
      parameters: {
        Filters: [
          { Name: 'accepter-vpc-info.vpc-id', Values: ['TOKEN'] },
          { Name: 'requester-vpc-info.owner-id', Values: ['111111111111'] },
          { Name: 'requester-vpc-info.cidr-block', Values: ['10.0.0.0/16'] },
          { Name: 'status-code', Values: ['active'] },
        ],
      },
      outputPaths: ['VpcPeeringConnections.0.VpcPeeringConnectionId'],
    })]);
    // Describe* supports no resource-level permissions
    Template.fromStack(pair.accepterStack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'ec2:DescribeVpcPeeringConnections', Effect: 'Allow', Resource: '*' }] },
    });
  });

  test('a literal requester VPC ID is used as the filter instead of its block', () => {
    const app = newApp();
    const use1 = stackIn(app, 'Use1');
    const euw1 = stackIn(app, 'Euw1', 'eu-west-1');
    const pair = new PeeredVpcPair(use1, 'P', { requester: importedVpc(use1, 'A', 'vpc-0aaaaaaa', '10.0.0.0/16'), accepter: vpcIn(euw1, 'B', '10.1.0.0/16', { maxAzs: 1 }) });
    expect(calls(pair.accepterStack)[0].parameters.Filters).toContainEqual({ Name: 'requester-vpc-info.vpc-id', Values: ['vpc-0aaaaaaa'] });
  });

  test('the requester stack reads a VPC created in another region by its CloudFormation tags', () => {
    const app = newApp();
    const use1 = stackIn(app, 'Use1');
    const euw1 = stackIn(app, 'Euw1', 'eu-west-1');
    new PeeredVpcPair(use1, 'P', { requester: vpcIn(use1, 'A', '10.0.0.0/16', { maxAzs: 1 }), accepter: vpcIn(euw1, 'B', '10.1.0.0/16', { maxAzs: 1 }) });
    expect(calls(use1)).toEqual([expect.objectContaining({
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
    const lookup = calls(net).find((c) => c.action === 'describeVpcs');
    expect(lookup.assumedRoleArn).toMatch(/:iam::222222222222:role\/partner/);
    Template.fromStack(net).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Resource: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(':iam::222222222222:role/partner')])] } }] },
    });
    Template.fromStack(partner).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([{ Action: 'ec2:DescribeVpcs', Effect: 'Allow', Resource: '*' }]) },
    });
  });
});
