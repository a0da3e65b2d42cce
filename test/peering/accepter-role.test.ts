import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { arnMatching, newApp, PARTNER, stackIn, vpcIn } from './helpers';
import { PeeredVpcPair, PeeringAccepterRole } from '../../src/peering';

describe('PeeringAccepterRole', () => {
  test('trusts only the requester account and may only accept peering for its VPC', () => {
    // GIVEN
    const app = newApp();
    const partner = stackIn(app, 'Partner', 'us-east-1', PARTNER);
    const vpc = vpcIn(partner, 'B', '10.1.0.0/16', { maxAzs: 1 });

    // WHEN
    new PeeringAccepterRole(partner, 'Role', { accepterVpc: vpc, requesterAccount: '111111111111', requesterRegion: 'eu-west-1' });

    // THEN
    const t = Template.fromStack(partner);
    t.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { AWS: arnMatching(/^arn:aws:iam::111111111111:root$/) } }],
      },
    });
    t.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          {
            Action: 'ec2:AcceptVpcPeeringConnection',
            Effect: 'Allow',
            Resource: arnMatching(/^arn:aws:ec2:us-east-1:222222222222:vpc-peering-connection\/\*$/),
            Condition: {
              ArnEquals: { 'ec2:AccepterVpc': arnMatching(/^arn:aws:ec2:us-east-1:222222222222:vpc\/\$\{B[0-9A-F]{8}\}$/) },
              ArnLike: { 'ec2:RequesterVpc': arnMatching(/^arn:aws:ec2:eu-west-1:111111111111:vpc\/\*$/) },
            },
          },
          { Action: 'ec2:AcceptVpcPeeringConnection', Effect: 'Allow', Resource: arnMatching(/^arn:aws:ec2:us-east-1:222222222222:vpc\/\$\{B[0-9A-F]{8}\}$/) },
        ],
      },
    });
    Annotations.fromStack(partner).hasNoError('*', Match.anyValue());
  });

  test('two cross-account pairs get two roles whose names cannot collide', () => {
    // GIVEN two network VPCs peered with two partner VPCs
    const app = newApp();
    const net = stackIn(app, 'Network');
    const partner = stackIn(app, 'Partner', 'us-east-1', PARTNER);
    const p1 = new PeeredVpcPair(net, 'One', { requester: vpcIn(net, 'A', '10.0.0.0/16', { maxAzs: 1 }), accepter: vpcIn(partner, 'B', '10.1.0.0/16', { maxAzs: 1 }) });
    const p2 = new PeeredVpcPair(net, 'Two', { requester: vpcIn(net, 'C', '10.2.0.0/16', { maxAzs: 1 }), accepter: vpcIn(partner, 'D', '10.3.0.0/16', { maxAzs: 1 }) });

    // WHEN (names are generated when the requester stack references the roles)
    app.synth();
    const names = [p1, p2].map((p) => partner.resolve((p.accepterRole!.role.node.defaultChild as any).roleName));

    // THEN: generated, distinct, referenced literally by the requester stack
    expect(names[0]).toMatch(/^partner/);
    expect(names[0]).not.toEqual(names[1]);
    Template.fromStack(net).hasResourceProperties('AWS::EC2::VPCPeeringConnection', {
      PeerRoleArn: arnMatching(new RegExp(`^arn:aws:iam::222222222222:role/${names[0]}$`)),
    });
  });

  test('a user-made role can be passed as peerRoleArn', () => {
    const app = newApp();
    const partner = stackIn(app, 'Partner', 'us-east-1', PARTNER);
    const b = vpcIn(partner, 'B', '10.1.0.0/16', { maxAzs: 1 });
    const role = new PeeringAccepterRole(partner, 'Role', { accepterVpc: b, requesterAccount: '111111111111', roleName: 'peering-accepter' });
    expect(partner.resolve(role.roleArn)).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Role/), 'Arn'] });
    Template.fromStack(partner).hasResourceProperties('AWS::IAM::Role', { RoleName: 'peering-accepter' });
  });
});
