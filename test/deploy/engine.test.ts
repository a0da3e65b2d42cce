// The deploy tier's engine: intrinsics, ordering, updates and replacements, custom resources and
// the Provider framework, against the emulator.
import * as path from 'path';
import { deployOrder, readAssembly, StackArtifact, Template } from './assembly';
import { createOrder } from './engine';
import { ECHO_HANDLER, writeAssembly } from './fixtures/assemblies';
import { Harness } from './harness';
import { NO_VALUE, resolve, ResolveContext } from './intrinsics';
import { EmulatedState } from './state';
import { synthAll } from './synth';

jest.setTimeout(120_000);

const ctx = (over: Partial<ResolveContext> = {}): ResolveContext => ({
  account: '111111111111',
  region: 'eu-west-1',
  partition: 'aws',
  stackName: 'S',
  stackId: 'arn:aws:cloudformation:eu-west-1:111111111111:stack/S/x',
  parameters: { Env: 'prod' },
  mappings: { M: { prod: { Size: 3 } } },
  condition: (n) => n === 'IsProd',
  ref: (id) => `phys-${id}`,
  getAtt: (id, a) => `${id}.${a}`,
  importValue: (n) => `imported-${n}`,
  stackOutput: (s, o, r) => `${s}/${o}@${r}`,
  azs: (r) => [`${r}a`, `${r}b`],
  ...over,
});

describe('intrinsics', () => {
  test.each([
    ['Ref of a parameter', { Ref: 'Env' }, 'prod'],
    ['Ref of a resource', { Ref: 'Vpc' }, 'phys-Vpc'],
    ['pseudo parameters', { 'Fn::Join': [':', [{ Ref: 'AWS::Partition' }, { Ref: 'AWS::Region' }, { Ref: 'AWS::AccountId' }, { Ref: 'AWS::URLSuffix' }]] }, 'aws:eu-west-1:111111111111:amazonaws.com'],
    ['Fn::GetAtt with a dotted attribute', { 'Fn::GetAtt': ['Lookup', 'VpcPeeringConnections.0.VpcPeeringConnectionId'] }, 'Lookup.VpcPeeringConnections.0.VpcPeeringConnectionId'],
    ['Fn::Select over Fn::Split', { 'Fn::Select': [1, { 'Fn::Split': ['/', 'a/b/c'] }] }, 'b'],
    ['Fn::Select over Fn::GetAZs', { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }, 'eu-west-1a'],
    ['Fn::Sub with pseudo, resource, attribute and local variables', { 'Fn::Sub': ['${AWS::Region}-${Vpc}-${Vpc.CidrBlock}-${x}-${!Literal}', { x: { Ref: 'Env' } }] }, 'eu-west-1-phys-Vpc-Vpc.CidrBlock-prod-${Literal}'],
    ['Fn::If on a condition', { 'Fn::If': ['IsProd', 'yes', 'no'] }, 'yes'],
    ['Fn::Equals, Fn::Not, Fn::And, Fn::Or', { 'Fn::And': [{ 'Fn::Equals': ['a', 'a'] }, { 'Fn::Not': [{ 'Fn::Or': [false, { Condition: 'Other' }] }] }] }, true],
    ['Fn::FindInMap', { 'Fn::FindInMap': ['M', { Ref: 'Env' }, 'Size'] }, 3],
    ['Fn::ImportValue', { 'Fn::ImportValue': 'Left:Vpc' }, 'imported-Left:Vpc'],
    ['Fn::GetStackOutput', { 'Fn::GetStackOutput': { StackName: 'P', OutputName: 'O', Region: 'us-east-1' } }, 'P/O@us-east-1'],
  ])('%s', (_name, input, expected) => {
    expect(resolve(input, ctx())).toEqual(expected);
  });

  test('AWS::NoValue removes the property and the list item', () => {
    expect(resolve({ A: { Ref: 'AWS::NoValue' }, B: ['x', { 'Fn::If': ['Other', 'y', { Ref: 'AWS::NoValue' }] }] }, ctx())).toEqual({ B: ['x'] });
    expect(resolve({ Ref: 'AWS::NoValue' }, ctx())).toBe(NO_VALUE);
  });

  test('an unknown intrinsic fails', () => {
    expect(() => resolve({ 'Fn::Transform': {} }, ctx())).toThrow(/Fn::Transform is not supported/);
  });
});

describe('ordering', () => {
  const template: Template = {
    Resources: {
      Route: { Type: 'T', Properties: { RouteTableId: { Ref: 'Table' }, Target: { 'Fn::Sub': '${Pcx}' } } },
      Table: { Type: 'T', Properties: { VpcId: { 'Fn::GetAtt': ['Vpc', 'VpcId'] } } },
      Pcx: { Type: 'T', DependsOn: ['Table'] },
      Vpc: { Type: 'T' },
    },
  };

  test('resources come after what they reference or depend on', () => {
    expect(createOrder(Object.keys(template.Resources), template)).toEqual(['Vpc', 'Table', 'Pcx', 'Route']);
  });

  test('a cycle fails', () => {
    const cyclic: Template = { Resources: { A: { Type: 'T', Properties: { X: { Ref: 'B' } } }, B: { Type: 'T', DependsOn: 'A' } } };
    expect(() => createOrder(['A', 'B'], cyclic)).toThrow(/circular dependency/);
  });

  test('stacks: dependencies first, otherwise the manifest order', () => {
    const s = (id: string, dependencies: string[] = []): StackArtifact => ({ id, stackName: id, account: '1', region: 'r', dependencies, template: { Resources: {} } });
    expect(deployOrder([s('C', ['B']), s('A'), s('B', ['A']), s('D')]).map((x) => x.id)).toEqual(['A', 'B', 'C', 'D']);
  });
});

describe('against the emulator', () => {
  let h: Harness;
  let providerApp: string;

  beforeAll(async () => {
    [h, [providerApp]] = await Promise.all([
      Harness.start({ pollIntervalMs: 10 }),
      synthAll([{ entry: path.join(__dirname, 'fixtures', 'provider-app.ts'), context: {} }]),
    ]);
  });

  afterAll(async () => {
    await h?.stop();
  });

  beforeEach(async () => {
    await h.reset();
  });

  const vpcStack = (cidr: string, extra: Template['Resources'] = {}): Template => ({
    Resources: {
      Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: cidr, EnableDnsHostnames: true, Tags: [{ Key: 'Name', Value: 'v' }] } },
      ...extra,
    },
    Outputs: { VpcId: { Value: { Ref: 'Vpc' }, Export: { Name: 'VpcId' } } },
  });

  test('an unknown resource type fails the deploy and names the type', async () => {
    // GIVEN
    const dir = writeAssembly([{ id: 'S', template: { Resources: { Thing: { Type: 'AWS::Foo::Bar', Properties: {} } } } }]);

    // THEN
    await expect(h.deploy(dir)).rejects.toThrow(/Thing has type AWS::Foo::Bar, which the deploy tier does not know/);
  });

  test('VPCs carry the CloudFormation tags and their own, and exports reach Fn::ImportValue', async () => {
    // GIVEN
    const base: Template = { Resources: { Vpc: vpcStack('10.0.0.0/16').Resources.Vpc }, Outputs: vpcStack('10.0.0.0/16').Outputs };
    const consumer: Template = { Resources: { Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'd', VpcId: { 'Fn::ImportValue': 'VpcId' } } } } };

    // WHEN
    await h.deploy(writeAssembly([{ id: 'Base', template: base }, { id: 'Consumer', template: consumer, dependencies: ['Base'] }]));

    // THEN
    const [vpc] = await new EmulatedState(h.engine).vpcs('111111111111', 'us-east-1');
    expect(vpc.tags).toMatchObject({ 'aws:cloudformation:stack-name': 'Base', 'aws:cloudformation:logical-id': 'Vpc', 'Name': 'v' });
    expect(h.engine.stack('Consumer', '111111111111', 'us-east-1')!.resources.get('Sg')!.attributes.VpcId).toBe(vpc.vpcId);
  });

  test('a second deploy keeps, updates, replaces and deletes as CloudFormation does', async () => {
    // GIVEN
    const v1: Template = {
      Resources: {
        Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
        Other: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.9.0.0/16' } },
        Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'd', VpcId: { Ref: 'Vpc' } } },
        Gone: { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: { Ref: 'Vpc' } } },
      },
    };
    const v2: Template = {
      Resources: {
        Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.1.0.0/16' } },
        Other: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.9.0.0/16', EnableDnsHostnames: true } },
        Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'd', VpcId: { Ref: 'Vpc' } } },
      },
    };
    await h.deploy(writeAssembly([{ id: 'S', template: v1 }]));
    const first = h.engine.stack('S', '111111111111', 'us-east-1')!;
    const [oldVpc, oldOther] = [first.resources.get('Vpc')!.physicalId, first.resources.get('Other')!.physicalId];
    h.engine.events.length = 0;

    // WHEN
    await h.deploy(writeAssembly([{ id: 'S', template: v2 }]));

    // THEN
    const actions = h.engine.events.map((e) => `${e.action} ${e.logicalId}`);
    expect(actions).toEqual(['REPLACE Vpc', 'UPDATE Other', 'REPLACE Sg', 'DELETE Gone', 'DELETE Sg', 'DELETE Vpc']);
    const second = h.engine.stack('S', '111111111111', 'us-east-1')!;
    expect(second.resources.get('Other')!.physicalId).toBe(oldOther);
    const vpcs = await new EmulatedState(h.engine).vpcs('111111111111', 'us-east-1');
    expect(vpcs.map((v) => v.cidr).sort()).toEqual(['10.1.0.0/16', '10.9.0.0/16']);
    expect(vpcs.some((v) => v.vpcId === oldVpc)).toBe(false);
  });

  test('a custom resource runs its handler on create, update (with the old properties) and delete', async () => {
    // GIVEN
    const stack = (value: string | undefined): Template => ({
      Resources: {
        Fn: { Type: 'AWS::Lambda::Function', Properties: { Handler: 'index.handler', Runtime: 'nodejs20.x', Code: { ZipFile: ECHO_HANDLER } } },
        ...(value ? { Echo: { Type: 'Custom::Echo', Properties: { ServiceToken: { 'Fn::GetAtt': ['Fn', 'Arn'] }, Value: value } } } : {}),
      },
      Outputs: value ? { Seen: { Value: { 'Fn::Join': ['/', [{ 'Fn::GetAtt': ['Echo', 'Seen'] }, { 'Fn::GetAtt': ['Echo', 'Old'] }, { Ref: 'Echo' }]] } } } : {},
    });

    // WHEN / THEN
    await h.deploy(writeAssembly([{ id: 'S', template: stack('a') }]));
    expect(h.engine.stack('S', '111111111111', 'us-east-1')!.outputs.Seen).toBe('Create//echo-a');
    await h.deploy(writeAssembly([{ id: 'S', template: stack('b') }]));
    expect(h.engine.stack('S', '111111111111', 'us-east-1')!.outputs.Seen).toBe('Update/a/echo-b');
    await h.deploy(writeAssembly([{ id: 'S', template: stack(undefined) }]));
    expect(h.engine.runtime.invocations.map((i) => i.requestType)).toEqual(['Create', 'Update', 'Delete', 'Delete']);
  });

  test('a custom resource that answers FAILED fails the deploy with its reason', async () => {
    // GIVEN
    const template: Template = {
      Resources: {
        Fn: { Type: 'AWS::Lambda::Function', Properties: { Handler: 'index.handler', Code: { ZipFile: ECHO_HANDLER } } },
        Echo: { Type: 'AWS::CloudFormation::CustomResource', Properties: { ServiceToken: { 'Fn::GetAtt': ['Fn', 'Arn'] }, Value: 'x', Fail: 'quota exceeded' } },
      },
    };

    // THEN
    await expect(h.deploy(writeAssembly([{ id: 'S', template }]))).rejects.toThrow(/Echo \(AWS::CloudFormation::CustomResource\) Create failed: quota exceeded/);
  });

  test('Provider framework: onEvent once, isComplete polled until the connection is active, Data merged', async () => {
    // GIVEN: the waiting handler sees the new connection as provisioning for its first 3 describe answers
    h.view.holdPeeringState({ state: 'provisioning', calls: 3, handlersOnly: true });

    // WHEN
    await h.deploy(providerApp);

    // THEN
    const stack = h.engine.stack('ProviderApp', '111111111111', 'us-east-1')!;
    const pcx = [...stack.resources.values()].find((r) => r.type === 'AWS::EC2::VPCPeeringConnection')!;
    expect(stack.outputs.ConnectionId).toBe(pcx.physicalId);
    expect(stack.outputs.Greeting).toBe('hello');
    const calls = h.engine.runtime.logs.filter((l) => l.includes('isComplete saw'));
    expect(calls.map((l) => l.split('saw ')[1])).toEqual(['provisioning', 'provisioning', 'provisioning', 'active']);
  });

  test('Provider framework: an isComplete that never completes fails with a timeout', async () => {
    // GIVEN
    h.view.holdPeeringState({ state: 'provisioning', calls: 1_000_000, handlersOnly: true });
    h.engine.runtime.options = { pollIntervalMs: 10, totalTimeoutMs: 300 };

    // THEN
    await expect(h.deploy(readAssembly(providerApp))).rejects.toThrow(/Wait \(AWS::CloudFormation::CustomResource\) Create failed: Operation timed out/);
  });
});
