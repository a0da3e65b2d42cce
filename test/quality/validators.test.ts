import { App, Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { addExampleEstate } from '../../examples/estate';
import {
  GatewayEndpointSet,
  InterfaceEndpointService,
  InterfaceEndpointSet,
  PeeredVpcPair,
  PrivateLinkEndpoint,
  PrivateLinkService,
} from '../../src';

/**
 * The judges AWS and the CDK community trust, run on what our constructs emit by default:
 * cdk-nag's AWS Solutions pack and AWS's CloudFormation validator (findings as errors).
 */
function judgedApp(): App {
  const app = new App({
    context: {
      '@aws-cdk/core:validateAgainstDefaultRules': true,
      'aws:cdk:disable-stack-trace': true,
      'aws:cdk:disable-creation-stack-traces': true,
    },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return app;
}

/** Fixture VPCs are not ours to judge: their flow logs are the account baseline's. */
function fixtureVpc(stack: Stack, id: string, cidr: string): ec2.Vpc {
  const vpc = new ec2.Vpc(stack, id, {
    ipAddresses: ec2.IpAddresses.cidr(cidr),
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [{ name: 'app', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
  });
  Validations.of(vpc).acknowledge({ id: 'AwsSolutions-VPC7', reason: 'Test fixture VPC; flow logs belong to the account baseline.' });
  return vpc;
}

function env(account: string, region: string) {
  return { env: { account, region } };
}

const scenarios: Array<[string, (app: App) => void]> = [
  ['PeeredVpcPair in one stack, with DNS resolution', (app) => {
    const s = new Stack(app, 'S', env('111111111111', 'us-east-1'));
    new PeeredVpcPair(s, 'P', { requester: fixtureVpc(s, 'A', '10.0.0.0/16'), accepter: fixtureVpc(s, 'B', '10.1.0.0/16'), allowDnsResolution: true });
  }],
  ['PeeredVpcPair across regions', (app) => {
    const a = new Stack(app, 'A', env('111111111111', 'us-east-1'));
    const b = new Stack(app, 'B', env('111111111111', 'eu-west-1'));
    new PeeredVpcPair(a, 'P', { requester: fixtureVpc(a, 'Vpc', '10.0.0.0/16'), accepter: fixtureVpc(b, 'Vpc', '10.1.0.0/16') });
  }],
  ['PeeredVpcPair across accounts, with the accepter role', (app) => {
    const a = new Stack(app, 'A', env('111111111111', 'us-east-1'));
    const b = new Stack(app, 'B', env('222222222222', 'us-east-1'));
    new PeeredVpcPair(a, 'P', { requester: fixtureVpc(a, 'Vpc', '10.0.0.0/16'), accepter: fixtureVpc(b, 'Vpc', '10.1.0.0/16') });
  }],
  ['PrivateLinkService and a PrivateLinkEndpoint in another stack', (app) => {
    const p = new Stack(app, 'Provider', env('111111111111', 'us-east-1'));
    const svc = new PrivateLinkService(p, 'Svc', {
      vpc: fixtureVpc(p, 'Vpc', '10.0.0.0/16'),
      listeners: [{ port: 443 }],
      allowedPrincipals: [new iam.AccountPrincipal('222222222222')],
    });
    const c = new Stack(app, 'Consumer', env('111111111111', 'us-east-1'));
    new PrivateLinkEndpoint(c, 'Client', { vpc: fixtureVpc(c, 'Vpc', '10.1.0.0/16'), service: svc });
  }],
  ['GatewayEndpointSet and InterfaceEndpointSet', (app) => {
    const s = new Stack(app, 'S', env('111111111111', 'us-east-1'));
    const vpc = fixtureVpc(s, 'Vpc', '10.0.0.0/16');
    new GatewayEndpointSet(s, 'Gateways', { vpc });
    new InterfaceEndpointSet(s, 'Ops', { vpc, services: InterfaceEndpointService.SSM_SESSION_MANAGER });
  }],
  ['the example app', (app) => {
    Validations.of(app).acknowledge({ id: 'AwsSolutions-VPC7', reason: 'Example VPCs; flow logs belong to the account baseline.' });
    addExampleEstate(app);
  }],
];

describe('validators on default output', () => {
  test.each(scenarios)('%s: no cdk-nag AwsSolutions error and no CloudFormation validator finding', (_name, build) => {
    // GIVEN
    const app = judgedApp();
    build(app);

    // THEN
    expect(() => app.synth()).not.toThrow();
  });

  test('the judges are live: a plain NLB without access logs fails cdk-nag', () => {
    // GIVEN
    const app = judgedApp();
    const s = new Stack(app, 'S', env('111111111111', 'us-east-1'));
    new elbv2.NetworkLoadBalancer(s, 'Nlb', { vpc: fixtureVpc(s, 'Vpc', '10.0.0.0/16') });

    // THEN
    expect(() => app.synth()).toThrow(/The ELB does not have access logs enabled[\s\S]*AwsSolutions-ELB2/);
  });

  test('the judges are live: a malformed VPC ID fails the CloudFormation validator', () => {
    // GIVEN
    const app = judgedApp();
    const s = new Stack(app, 'S', env('111111111111', 'us-east-1'));
    new ec2.CfnSecurityGroup(s, 'Sg', { groupDescription: 'probe', vpcId: 'not-a-vpc-id' });

    // THEN
    expect(() => app.synth()).toThrow(/VpcId: 'not-a-vpc-id' does not match format[\s\S]*CloudFormation-Validate::E1151/);
  });
});
