import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { importedVpc, newApp, PARTNER, stackIn, vpcIn } from './helpers';
import { PeeredVpcPair } from '../../src/peering';

/** The SDK call of a Custom::AWS resource, as the object it encodes. */
function callOf(stack: import('aws-cdk-lib').Stack, resource: any): any {
  const create = stack.resolve(resource.Properties.Create);
  const text = typeof create === 'string' ? create : create['Fn::Join'][1].map((p: unknown) => (typeof p === 'string' ? p : 'TOKEN')).join('');
  return JSON.parse(text);
}

describe('DNS resolution across the peering', () => {
  test('same stack: one call sets both sides, IAM scoped to the connection', () => {
    // GIVEN
    const app = newApp();
    const s = stackIn(app, 'S');

    // WHEN
    new PeeredVpcPair(s, 'Peering', { requester: vpcIn(s, 'A', '10.0.0.0/16', { maxAzs: 1 }), accepter: vpcIn(s, 'B', '10.1.0.0/16', { maxAzs: 1 }), allowDnsResolution: true });

    // THEN
    const t = Template.fromStack(s);
    const resources = Object.values(t.findResources('Custom::AWS'));
    expect(resources).toHaveLength(1);
    expect(callOf(s, resources[0])).toMatchObject({
      service: 'EC2',
      action: 'modifyVpcPeeringConnectionOptions',
      parameters: {
        VpcPeeringConnectionId: 'TOKEN',
        RequesterPeeringConnectionOptions: { AllowDnsResolutionFromRemoteVpc: true },
        AccepterPeeringConnectionOptions: { AllowDnsResolutionFromRemoteVpc: true },
      },
    });
    t.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{
          Action: 'ec2:ModifyVpcPeeringConnectionOptions',
          Effect: 'Allow',
          Resource: { 'Fn::Join': ['', Match.arrayWith([':ec2:us-east-1:111111111111:vpc-peering-connection/', { Ref: Match.stringLikeRegexp('^Peering') }])] },
        }],
      },
    });
  });

  test('cross-region: requester option from the requester stack, accepter option from the accepter stack; one provider per stack', () => {
    // GIVEN two pairs from the same requester stack
    const app = newApp();
    const use1 = stackIn(app, 'Use1', 'us-east-1');
    const euw1 = stackIn(app, 'Euw1', 'eu-west-1');
    const a = vpcIn(use1, 'A', '10.0.0.0/16', { maxAzs: 1 });

    // WHEN
    const p1 = new PeeredVpcPair(use1, 'P1', { requester: a, accepter: vpcIn(euw1, 'B', '10.1.0.0/16', { maxAzs: 1 }), allowDnsResolution: true });
    new PeeredVpcPair(use1, 'P2', { requester: a, accepter: vpcIn(euw1, 'C', '10.2.0.0/16', { maxAzs: 1 }), allowDnsResolution: true });

    // THEN
    const requesterCalls = Object.values(Template.fromStack(use1).findResources('Custom::AWS')).map((r) => callOf(use1, r))
      .filter((c) => c.action === 'modifyVpcPeeringConnectionOptions');
    expect(requesterCalls).toHaveLength(2);
    for (const c of requesterCalls) {
      expect(c.parameters.RequesterPeeringConnectionOptions).toEqual({ AllowDnsResolutionFromRemoteVpc: true });
      expect(c.parameters.AccepterPeeringConnectionOptions).toBeUndefined();
    }
    Template.fromStack(use1).resourceCountIs('AWS::Lambda::Function', 1);
    const accepterCalls = Object.values(Template.fromStack(p1.accepterStack).findResources('Custom::AWS')).map((r) => callOf(p1.accepterStack, r))
      .filter((c) => c.action === 'modifyVpcPeeringConnectionOptions');
    expect(accepterCalls).toHaveLength(1);
    expect(accepterCalls[0].parameters).toEqual({ VpcPeeringConnectionId: 'TOKEN', AccepterPeeringConnectionOptions: { AllowDnsResolutionFromRemoteVpc: true } });
  });

  test('cross-account: the accepter side is scoped to the connection under either account', () => {
    const app = newApp();
    const net = stackIn(app, 'Network');
    const partner = stackIn(app, 'Partner', 'us-east-1', PARTNER);
    const pair = new PeeredVpcPair(net, 'P', { requester: vpcIn(net, 'A', '10.0.0.0/16', { maxAzs: 1 }), accepter: vpcIn(partner, 'B', '10.1.0.0/16', { maxAzs: 1 }), allowDnsResolution: true });
    Template.fromStack(pair.accepterStack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{
          Action: 'ec2:ModifyVpcPeeringConnectionOptions',
          Effect: 'Allow',
          Resource: [
            { 'Fn::Join': ['', Match.arrayWith([':ec2:us-east-1:111111111111:vpc-peering-connection/'])] },
            { 'Fn::Join': ['', Match.arrayWith([':ec2:us-east-1:222222222222:vpc-peering-connection/'])] },
          ],
        }],
      },
    });
  });

  test('an imported VPC whose DNS settings cannot be read warns', () => {
    const app = newApp();
    const s = stackIn(app, 'S');
    new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16', { maxAzs: 1 }), accepter: importedVpc(s, 'B', 'vpc-0bbbbbbb', '10.1.0.0/16'), allowDnsResolution: true });
    const annotations = Annotations.fromStack(s);
    annotations.hasWarning('/S/P', Match.stringLikeRegexp('accepter DNS support of S/B cannot be read.*peering-dns-unknown'));
    annotations.hasWarning('/S/P', Match.stringLikeRegexp('accepter DNS hostnames of S/B cannot be read.*peering-dns-unknown'));
    annotations.hasNoWarning('/S/P', Match.stringLikeRegexp('requester DNS'));
  });

  test('not asked: no custom resource', () => {
    const app = newApp();
    const s = stackIn(app, 'S');
    new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16', { maxAzs: 1 }), accepter: vpcIn(s, 'B', '10.1.0.0/16', { maxAzs: 1, enableDnsHostnames: false }) });
    Template.fromStack(s).resourceCountIs('Custom::AWS', 0);
  });
});
