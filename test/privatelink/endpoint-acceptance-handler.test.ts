import { AcceptVpcEndpointConnectionsCommand, DescribeVpcEndpointConnectionsCommand } from '@aws-sdk/client-ec2';

// The handler is plain JavaScript (handlers/endpoint-acceptance/index.js), run as Lambda code.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { acceptEndpoints, handler } = require('../../handlers/endpoint-acceptance') as {
  acceptEndpoints: (props: Record<string, unknown>, ec2: FakeEc2, clock: FakeClock) => Promise<{ accepted: string[] }>;
  handler: (event: Record<string, unknown>) => Promise<{ PhysicalResourceId: string; Data?: Record<string, string> }>;
};

const SERVICE = 'vpce-svc-0123456789abcdef0';
const PARTNER = '222222222222';
const STRANGER = '444444444444';

interface Conn { id: string; owner: string; state: string; service?: string; appearsAt?: number }

/** An EC2 API with a service's connections; connections can appear later (ms on the fake clock). */
class FakeEc2 {
  public readonly calls: Array<{ name: string; input: Record<string, unknown> }> = [];
  public refuse = new Set<string>();
  public pageSize = 100;
  constructor(public readonly conns: Conn[], private readonly clock: FakeClock) {}

  public async send(command: { input: Record<string, unknown> }): Promise<unknown> {
    if (command instanceof DescribeVpcEndpointConnectionsCommand) {
      this.calls.push({ name: 'describe', input: command.input });
      const visible = this.conns.filter((c) => (c.appearsAt ?? 0) <= this.clock.t);
      const start = Number(command.input.NextToken ?? 0);
      const page = visible.slice(start, start + this.pageSize);
      return {
        VpcEndpointConnections: page.map((c) => ({
          ServiceId: c.service ?? SERVICE, VpcEndpointId: c.id, VpcEndpointOwner: c.owner, VpcEndpointState: c.state,
        })),
        NextToken: start + this.pageSize < visible.length ? String(start + this.pageSize) : undefined,
      };
    }
    if (command instanceof AcceptVpcEndpointConnectionsCommand) {
      this.calls.push({ name: 'accept', input: command.input });
      const ids = command.input.VpcEndpointIds as string[];
      const unsuccessful = ids.filter((id) => this.refuse.has(id))
        .map((id) => ({ ResourceId: id, Error: { Code: 'InvalidState', Message: 'not pending' } }));
      for (const c of this.conns) if (ids.includes(c.id) && !this.refuse.has(c.id)) c.state = 'available';
      return { Unsuccessful: unsuccessful };
    }
    throw new Error(`unexpected command ${command.constructor.name}`);
  }
}

/** A clock whose sleeps advance time at once and are recorded. */
class FakeClock {
  public t = 0;
  public readonly sleeps: number[] = [];
  public now = () => this.t;
  public sleep = async (ms: number) => {
    this.sleeps.push(ms);
    this.t += ms;
  };
}

function setup(conns: Conn[]) {
  const clock = new FakeClock();
  return { clock, ec2: new FakeEc2(conns, clock) };
}

describe('endpoint acceptance handler', () => {
  test('accepts the pending connections of the listed accounts only', async () => {
    // GIVEN
    const { clock, ec2 } = setup([
      { id: 'vpce-partner', owner: PARTNER, state: 'pendingAcceptance' },
      { id: 'vpce-stranger', owner: STRANGER, state: 'pendingAcceptance' },
      { id: 'vpce-old', owner: PARTNER, state: 'available' },
      { id: 'vpce-other-service', owner: PARTNER, state: 'pendingAcceptance', service: 'vpce-svc-ffffffffffffffff0' },
    ]);

    // WHEN
    const props = { ServiceId: SERVICE, Accounts: [PARTNER], ExpectedEndpoints: { [PARTNER]: '2' }, MaxWaitSeconds: '60' };
    const result = await acceptEndpoints(props, ec2, clock);

    // THEN
    expect(result.accepted).toEqual(['vpce-partner']);
    expect(ec2.calls.filter((c) => c.name === 'accept').map((c) => c.input)).toEqual([{ ServiceId: SERVICE, VpcEndpointIds: ['vpce-partner'] }]);
    expect(ec2.calls[0].input.Filters).toEqual([{ Name: 'service-id', Values: [SERVICE] }]);
    expect(ec2.conns.find((c) => c.id === 'vpce-stranger')!.state).toBe('pendingAcceptance');
    expect(clock.sleeps).toEqual([]);
  });

  test('waits with a back-off from 1 s for an expected endpoint that appears later', async () => {
    // GIVEN: the partner's endpoint requests its connection 5 s in
    const { clock, ec2 } = setup([{ id: 'vpce-late', owner: PARTNER, state: 'pendingAcceptance', appearsAt: 5000 }]);

    // WHEN
    const props = { ServiceId: SERVICE, Accounts: [PARTNER], ExpectedEndpoints: { [PARTNER]: 1 }, MaxWaitSeconds: 600 };
    const result = await acceptEndpoints(props, ec2, clock);

    // THEN
    expect(result.accepted).toEqual(['vpce-late']);
    expect(clock.sleeps).toEqual([1000, 2000, 4000]);
  });

  test('reads every page of connections', async () => {
    const { clock, ec2 } = setup(Array.from({ length: 7 }, (_, i) => ({ id: `vpce-${i}`, owner: PARTNER, state: 'pendingAcceptance' })));
    ec2.pageSize = 3;
    const result = await acceptEndpoints({ ServiceId: SERVICE, Accounts: [PARTNER] }, ec2, clock);
    expect(result.accepted).toHaveLength(7);
  });

  test('gives up after the bounded wait, naming the missing account and what is still pending', async () => {
    // GIVEN: one endpoint AWS refuses to accept, and a second expected endpoint that never comes
    const { clock, ec2 } = setup([{ id: 'vpce-stuck', owner: PARTNER, state: 'pendingAcceptance' }]);
    ec2.refuse.add('vpce-stuck');

    // WHEN
    const run = acceptEndpoints({ ServiceId: SERVICE, Accounts: [PARTNER], ExpectedEndpoints: { [PARTNER]: 2 }, MaxWaitSeconds: 60 }, ec2, clock);

    // THEN
    await expect(run).rejects.toThrow(new RegExp(
      `acceptance for ${SERVICE} gave up after 60 s: expected endpoints not seen: account ${PARTNER} has 0 of 2; `
      + `still pendingAcceptance: vpce-stuck \\(account ${PARTNER}, InvalidState: not pending\\)`));
    expect(clock.sleeps).toEqual([1000, 2000, 4000, 8000, 16000, 20000]);
    expect(clock.t).toBeLessThanOrEqual(60000);
  });

  test('refuses properties without a service or accounts', async () => {
    const { clock, ec2 } = setup([]);
    await expect(acceptEndpoints({ Accounts: [PARTNER] }, ec2, clock)).rejects.toThrow(/ServiceId is required/);
    await expect(acceptEndpoints({ ServiceId: SERVICE, Accounts: [] }, ec2, clock)).rejects.toThrow(/Accounts must list at least one account/);
    await expect(acceptEndpoints({ ServiceId: SERVICE, Accounts: [PARTNER], MaxWaitSeconds: 'soon' }, ec2, clock)).rejects.toThrow(/MaxWaitSeconds must be a number/);
  });

  test('delete does nothing and keeps the physical ID', async () => {
    await expect(handler({ RequestType: 'Delete', PhysicalResourceId: `${SERVICE}/endpoint-acceptance`, ResourceProperties: { ServiceId: SERVICE, Accounts: [PARTNER] } }))
      .resolves.toEqual({ PhysicalResourceId: `${SERVICE}/endpoint-acceptance` });
  });
});
