import { App, CfnParameter, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { endpointTypeOf, envKey, indexApp } from '../../src/core/app-index';
import { show } from '../../src/core/warnings';

describe('indexApp', () => {
  test('finds CIDR blocks, routes (by family and destination) and endpoints in every stack of the app', () => {
    const app = new App();
    const a = new Stack(app, 'A');
    const b = new Stack(app, 'B');
    const block = new ec2.CfnVPCCidrBlock(a, 'Block', { vpcId: 'vpc-1', cidrBlock: '10.1.0.0/16' });
    new ec2.CfnRoute(a, 'V4', { routeTableId: 'rtb-1', destinationCidrBlock: '10.2.0.0/16', vpcPeeringConnectionId: 'pcx-1' });
    new ec2.CfnRoute(b, 'V6', { routeTableId: 'rtb-2', destinationIpv6CidrBlock: '2001:db8::/56', destinationCidrBlock: '10.9.0.0/16' });
    new ec2.CfnRoute(b, 'PrefixList', { routeTableId: 'rtb-2', destinationPrefixListId: 'pl-1' });
    new ec2.CfnRoute(b, 'Nothing', { routeTableId: 'rtb-3' });
    const ep = new ec2.CfnVPCEndpoint(b, 'Ep', { vpcId: 'vpc-1', serviceName: 'com.amazonaws.us-east-1.s3' });

    const index = indexApp(new Stack(app, 'C'));

    expect(index.cidrBlocks).toEqual([block]);
    expect(index.endpoints).toEqual([ep]);
    expect(index.routes.map((r) => [r.resource.node.path, r.routeTableId, r.family, r.destination, r.peeringConnectionId])).toEqual([
      ['A/V4', 'rtb-1', 'ipv4', '10.2.0.0/16', 'pcx-1'],
      ['B/V6', 'rtb-2', 'ipv6', '2001:db8::/56', undefined],
      ['B/PrefixList', 'rtb-2', 'ipv4', 'pl-1', undefined],
      ['B/Nothing', 'rtb-3', 'ipv4', '', undefined],
    ]);
  });

  test('an empty app: nothing indexed', () => {
    expect(indexApp(new Stack(new App(), 'S'))).toEqual({ cidrBlocks: [], routes: [], endpoints: [] });
  });
});

describe('endpointTypeOf', () => {
  test('unset is CloudFormation\'s default, Gateway; a literal as given; a token unknown', () => {
    const s = new Stack(new App(), 'S');
    const ep = (id: string, t?: string) => new ec2.CfnVPCEndpoint(s, id, { vpcId: 'v', serviceName: 'n', vpcEndpointType: t });
    expect(endpointTypeOf(ep('A'))).toBe('Gateway');
    expect(endpointTypeOf(ep('B', 'Interface'))).toBe('Interface');
    expect(endpointTypeOf(ep('C', new CfnParameter(s, 'T').valueAsString))).toBeUndefined();
  });
});

describe('envKey', () => {
  test('account/region of a stack with a literal env; undefined when either is a token', () => {
    const app = new App();
    expect(envKey(new Stack(app, 'A', { env: { account: '111111111111', region: 'eu-west-1' } }))).toBe('111111111111/eu-west-1');
    expect(envKey(new Stack(app, 'B'))).toBeUndefined();
    expect(envKey(new Stack(app, 'C', { env: { account: '111111111111' } }))).toBeUndefined();
    expect(envKey(new Stack(app, 'D', { env: { region: 'eu-west-1' } }))).toBeUndefined();
  });
});

describe('show', () => {
  test('values as messages show them', () => {
    const s = new Stack(new App(), 'S');
    expect(show(undefined)).toBe('undefined');
    expect(show('a')).toBe('"a"');
    expect(show(3)).toBe('3');
    expect(show(null)).toBe('null');
    expect(show({ a: [1] })).toBe('{"a":[1]}');
    expect(show(s.region)).toMatch(/^\(unresolved token \$\{Token\[AWS\.Region\.\d+\]\}\)$/);
    expect(show(new CfnParameter(s, 'N', { type: 'Number' }).valueAsNumber)).toBe('(unresolved token)');
  });

  test('a value JSON cannot render is shown as text', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(show(cyclic)).toBe('[object Object]');
    expect(show(10n)).toBe('10');
  });
});
