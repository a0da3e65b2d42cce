// The deploy tier's adversarial cases the library supports today.
import * as path from 'path';
import * as ec2 from '@aws-sdk/client-ec2';
import { checkEndpoints, deployedServiceName } from './checks';
import { SERVICE_PLACEHOLDER } from './fixtures/adversarial-app';
import { Harness } from './harness';
import { EmulatedState } from './state';
import { synthAll } from './synth';

jest.setTimeout(180_000);

const entry = path.join(__dirname, 'fixtures', 'adversarial-app.ts');
let h: Harness;
let privatelink: string;

beforeAll(async () => {
  [h, [privatelink]] = await Promise.all([Harness.start(), synthAll([{ entry, context: { case: 'privatelink-cross-account' } }])]);
});

afterAll(async () => {
  await h?.stop();
});

beforeEach(async () => {
  await h.reset();
});

describe('cross-account PrivateLink consumer with acceptance required', () => {
  const placeholders = { [SERVICE_PLACEHOLDER]: (e: Parameters<typeof deployedServiceName>[0]) => deployedServiceName(e, 'Provider') };

  test('the allowed account\'s endpoint is created and waits for acceptance', async () => {
    // WHEN
    await h.deploy(privatelink, { only: ['Provider', 'Partner'], placeholders });

    // THEN
    const [endpoint] = await checkEndpoints(h.engine);
    expect(endpoint).toMatchObject({ stack: 'Partner', type: 'Interface', serviceName: deployedServiceName(h.engine, 'Provider'), state: 'pendingAcceptance' });
  });

  test('only the service owner sees and accepts the connection; accepted, the endpoint is available', async () => {
    // GIVEN
    await h.deploy(privatelink, { only: ['Provider', 'Partner'], placeholders });
    const serviceId = h.engine.resourcesOfType('AWS::EC2::VPCEndpointService')[0].physicalId;
    const endpointId = h.engine.resourcesOfType('AWS::EC2::VPCEndpoint')[0].physicalId;
    const owner = (await h.engine.accounts.for('111111111111', 'us-east-1')).ec2;
    const partner = (await h.engine.accounts.for('222222222222', 'us-east-1')).ec2;
    const pendingFilters = [{ Name: 'service-id', Values: [serviceId] }, { Name: 'vpc-endpoint-state', Values: ['pendingAcceptance'] }];

    // THEN: the partner sees no connection of the service and cannot accept its own endpoint
    expect((await partner.send(new ec2.DescribeVpcEndpointConnectionsCommand({ Filters: pendingFilters }))).VpcEndpointConnections).toEqual([]);
    await expect(partner.send(new ec2.AcceptVpcEndpointConnectionsCommand({ ServiceId: serviceId, VpcEndpointIds: [endpointId] })))
      .rejects.toThrow(`The VpcEndpointService Id '${serviceId}' does not exist`);
    const pending = await owner.send(new ec2.DescribeVpcEndpointConnectionsCommand({ Filters: pendingFilters }));
    expect(pending.VpcEndpointConnections).toEqual([expect.objectContaining({
      ServiceId: serviceId, VpcEndpointId: endpointId, VpcEndpointOwner: '222222222222', VpcEndpointState: 'pendingAcceptance', VpcEndpointRegion: 'us-east-1',
    })]);

    // WHEN: the owner accepts it, and an endpoint that is not the service's
    const accepted = await owner.send(new ec2.AcceptVpcEndpointConnectionsCommand({ ServiceId: serviceId, VpcEndpointIds: [endpointId, 'vpce-0123456789abcdef0'] }));

    // THEN
    expect(accepted.Unsuccessful).toEqual([{ ResourceId: 'vpce-0123456789abcdef0', Error: expect.objectContaining({ Code: 'InvalidVpcEndpointId.NotFound' }) }]);
    expect((await owner.send(new ec2.DescribeVpcEndpointConnectionsCommand({ Filters: pendingFilters }))).VpcEndpointConnections).toEqual([]);
    expect((await new EmulatedState(h.engine).endpointConnections('111111111111', 'us-east-1')).map((c) => c.state)).toEqual(['available']);
    const [endpoint] = await checkEndpoints(h.engine);
    expect(endpoint).toMatchObject({ stack: 'Partner', state: 'available' });
    const again = await owner.send(new ec2.AcceptVpcEndpointConnectionsCommand({ ServiceId: serviceId, VpcEndpointIds: [endpointId] }));
    expect(again.Unsuccessful).toEqual([{ ResourceId: endpointId, Error: expect.objectContaining({ Code: 'IncorrectState' }) }]);
  });

  test('an account the service does not allow cannot create an endpoint', async () => {
    // THEN
    await expect(h.deploy(privatelink, { only: ['Provider', 'Stranger'], placeholders }))
      .rejects.toThrow(/stack Stranger \(333333333333\/us-east-1\) failed: InvalidServiceName: account 333333333333 is not an allowed principal/);
  });
});
