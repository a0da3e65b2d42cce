import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { importedVpc, newApp, PARTNER, stackIn, vpcIn } from './helpers';
import { PeeredVpcPair } from '../../src/peering';

const STEP = 'Custom::PeeringConnection';

/** The properties of a stack's DNS steps, resolved, tokens as 'TOKEN'. */
function dnsSteps(stack: import('aws-cdk-lib').Stack): any[] {
  return Object.values(Template.fromStack(stack).findResources(STEP))
    .map((r: any) => r.Properties)
    .filter((p) => p.Operation === 'DnsOptions')
    .map((p) => ({ ...p, ServiceToken: undefined, PeeringConnectionId: typeof p.PeeringConnectionId === 'string' ? p.PeeringConnectionId : 'TOKEN' }));
}

/** The inline statements of the stack's peering provider role. */
function providerStatements(stack: import('aws-cdk-lib').Stack): any[] {
  const roles = Template.fromStack(stack).findResources('AWS::IAM::Role', {
    Properties: { Policies: Match.anyValue() },
  });
  return Object.values(roles).flatMap((r: any) => r.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement));
}

describe('DNS resolution across the peering', () => {
  test('same stack: one step sets both sides once the connection is active, IAM scoped to the connection', () => {
    // GIVEN
    const app = newApp();
    const s = stackIn(app, 'S');

    // WHEN
    new PeeredVpcPair(s, 'Peering', { requester: vpcIn(s, 'A', '10.0.0.0/16', { maxAzs: 1 }), accepter: vpcIn(s, 'B', '10.1.0.0/16', { maxAzs: 1 }), allowDnsResolution: true });

    // THEN
    expect(dnsSteps(s)).toEqual([expect.objectContaining({
      Operation: 'DnsOptions',
      PeeringConnectionId: 'TOKEN',
      RequesterSide: true,
      AccepterSide: true,
      WaitSeconds: 600,
    })]);
    Template.fromStack(s).hasResourceProperties(STEP, { PeeringConnectionId: { Ref: Match.stringLikeRegexp('^Peering') } });
    expect(providerStatements(s)).toContainEqual({ Effect: 'Allow', Action: ['ec2:DescribeVpcPeeringConnections'], Resource: ['*'] });
    const modify = providerStatements(s).find((st) => st.Action.includes('ec2:ModifyVpcPeeringConnectionOptions'));
    expect(JSON.stringify(modify.Resource)).toMatch(/:ec2:us-east-1:111111111111:vpc-peering-connection\//);
    expect(modify.Resource).not.toContain('*');
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
    const requester = dnsSteps(use1);
    expect(requester).toHaveLength(2);
    for (const c of requester) expect(c).toMatchObject({ RequesterSide: true, AccepterSide: false });
    // one provider function per stack, shared by every step
    expect(Object.keys(Template.fromStack(use1).findResources('AWS::Lambda::Function', { Properties: { Runtime: 'nodejs22.x' } }))).toHaveLength(1);
    const accepter = dnsSteps(p1.accepterStack);
    expect(accepter).toEqual([expect.objectContaining({ PeeringConnectionId: 'TOKEN', RequesterSide: false, AccepterSide: true })]);
    // the accepter's DNS step uses the ID its lookup found (which waited for an active connection)
    Template.fromStack(p1.accepterStack).hasResourceProperties(STEP, {
      Operation: 'DnsOptions',
      PeeringConnectionId: { Ref: Match.stringLikeRegexp('PeeringConnectionId') },
    });
  });

  test('cross-account: the accepter side is scoped to the connection under either account', () => {
    const app = newApp();
    const net = stackIn(app, 'Network');
    const partner = stackIn(app, 'Partner', 'us-east-1', PARTNER);
    const pair = new PeeredVpcPair(net, 'P', { requester: vpcIn(net, 'A', '10.0.0.0/16', { maxAzs: 1 }), accepter: vpcIn(partner, 'B', '10.1.0.0/16', { maxAzs: 1 }), allowDnsResolution: true });
    const modify = providerStatements(pair.accepterStack).find((st) => st.Action.includes('ec2:ModifyVpcPeeringConnectionOptions'));
    expect(modify.Resource).toHaveLength(2);
    expect(JSON.stringify(modify.Resource[0])).toMatch(/:ec2:us-east-1:111111111111:vpc-peering-connection\//);
    expect(JSON.stringify(modify.Resource[1])).toMatch(/:ec2:us-east-1:222222222222:vpc-peering-connection\//);
    // The ID comes from the lookup of the same provider, so the statement is narrowed to the
    // accepter VPC by condition (naming the ID in the provider's own role would be a cycle).
    expect(JSON.stringify(modify.Resource)).toMatch(/vpc-peering-connection\/\*/);
    expect(JSON.stringify(modify.Condition.ArnEquals['ec2:AccepterVpc'])).toMatch(/:ec2:us-east-1:222222222222:vpc\//);
  });

  test('an imported VPC whose DNS settings cannot be read warns', () => {
    const app = newApp();
    const s = stackIn(app, 'S');
    new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16', { maxAzs: 1 }), accepter: importedVpc(s, 'B', 'vpc-0bbbbbbb', '10.1.0.0/16'), allowDnsResolution: true });
    const annotations = Annotations.fromStack(s);
    // Facts of the imported VPC: on the VPC, one warning per setting, naming the pair.
    annotations.hasWarning('/S/B', Match.stringLikeRegexp("'S/B': DNS support cannot be read.*cannot check the accepter \\(1: PeeredVpcPair 'S/P'\\).*peering-dns-unknown"));
    annotations.hasWarning('/S/B', Match.stringLikeRegexp("'S/B': DNS hostnames cannot be read.*peering-dns-unknown"));
    annotations.hasNoWarning('/S/A', Match.stringLikeRegexp('peering-dns-unknown'));
  });

  test('not asked: no custom resource', () => {
    const app = newApp();
    const s = stackIn(app, 'S');
    new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16', { maxAzs: 1 }), accepter: vpcIn(s, 'B', '10.1.0.0/16', { maxAzs: 1, enableDnsHostnames: false }) });
    Template.fromStack(s).resourceCountIs(STEP, 0);
    expect(Template.fromStack(s).findResources('AWS::Lambda::Function', { Properties: { Description: Match.stringLikeRegexp('peering') } })).toEqual({});
  });
});
