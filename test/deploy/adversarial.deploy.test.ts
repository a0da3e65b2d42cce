// The deploy tier's adversarial cases the library supports today.
import * as path from 'path';
import { checkEndpoints, deployedServiceName } from './checks';
import { SERVICE_PLACEHOLDER } from './fixtures/adversarial-app';
import { Harness } from './harness';
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

  test('an account the service does not allow cannot create an endpoint', async () => {
    // THEN
    await expect(h.deploy(privatelink, { only: ['Provider', 'Stranger'], placeholders }))
      .rejects.toThrow(/stack Stranger \(333333333333\/us-east-1\) failed: InvalidServiceName: account 333333333333 is not an allowed principal/);
  });
});
