// The handler behind Custom::PeeringConnection, against a scripted EC2 API: it must wait for an
// active connection, insist on exactly one match, and fail with the state and what to do.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { handler } = require('../../handlers/peering-connection/index.js');

interface Pcx { id: string; code: string; message?: string; vpc?: string; cidr?: string; region?: string; owner?: string }

/** An EC2 client whose DescribeVpcPeeringConnections answers come from `script`, one per call (the last repeats). */
function fakeEc2(script: Pcx[][]) {
  const calls: Array<{ command: string; input: any }> = [];
  let n = 0;
  return {
    calls,
    send: async (cmd: { constructor: { name: string }; input: any }) => {
      calls.push({ command: cmd.constructor.name, input: cmd.input });
      if (cmd.constructor.name === 'DescribeVpcPeeringConnectionsCommand') {
        const answer = script[Math.min(n++, script.length - 1)];
        return {
          VpcPeeringConnections: answer.map((p) => ({
            VpcPeeringConnectionId: p.id,
            Status: { Code: p.code, Message: p.message },
            RequesterVpcInfo: { OwnerId: p.owner ?? '111111111111', Region: p.region ?? 'us-east-1', VpcId: p.vpc ?? 'vpc-a', CidrBlock: p.cidr ?? '10.0.0.0/16' },
          })),
        };
      }
      return {};
    },
  };
}

const LOOKUP = {
  Operation: 'Lookup',
  AccepterVpcId: 'vpc-b',
  RequesterAccount: '111111111111',
  RequesterRegion: 'us-east-1',
  RequesterCidrBlock: '10.0.0.0/16',
  WaitSeconds: '600',
};

function run(props: Record<string, unknown>, ec2: unknown, requestType = 'Create', physicalId?: string) {
  const waits: number[] = [];
  const wait = async (ms: number) => { waits.push(ms); };
  const result = handler({ RequestType: requestType, ResourceProperties: props, PhysicalResourceId: physicalId }, {}, { ec2, wait });
  return { result, waits };
}

describe('Custom::PeeringConnection handler: Lookup', () => {
  test('waits while the connection is initiating, pending acceptance, provisioning; returns it once active', async () => {
    // GIVEN a connection that takes three polls to become active
    const ec2 = fakeEc2([
      [],
      [{ id: 'pcx-1', code: 'pending-acceptance' }],
      [{ id: 'pcx-1', code: 'provisioning' }],
      [{ id: 'pcx-1', code: 'active' }],
    ]);

    // WHEN
    const { result, waits } = run(LOOKUP, ec2);

    // THEN
    await expect(result).resolves.toEqual({ PhysicalResourceId: 'pcx-1', Data: { PeeringConnectionId: 'pcx-1' } });
    expect(waits).toEqual([1000, 2000, 4000]); // back-off
    expect(ec2.calls[0].input).toEqual({
      Filters: [
        { Name: 'accepter-vpc-info.vpc-id', Values: ['vpc-b'] },
        { Name: 'requester-vpc-info.owner-id', Values: ['111111111111'] },
        { Name: 'requester-vpc-info.cidr-block', Values: ['10.0.0.0/16'] },
      ],
    });
  });

  test('filters on the requester VPC ID when it is known', async () => {
    const ec2 = fakeEc2([[{ id: 'pcx-1', code: 'active' }]]);
    await run({ ...LOOKUP, RequesterVpcId: 'vpc-a', RequesterCidrBlock: undefined }, ec2).result;
    expect(ec2.calls[0].input.Filters[2]).toEqual({ Name: 'requester-vpc-info.vpc-id', Values: ['vpc-a'] });
  });

  test('two live connections from VPCs with the same block: a clear failure, not a guess', async () => {
    const ec2 = fakeEc2([[{ id: 'pcx-1', code: 'active', vpc: 'vpc-a1' }, { id: 'pcx-2', code: 'active', vpc: 'vpc-a2' }]]);
    await expect(run(LOOKUP, ec2).result).rejects.toThrow(
      /2 connections match, pcx-1 \(requester 111111111111\/us-east-1 vpc-a1 10\.0\.0\.0\/16, active\); pcx-2 .*exactly one.*different primary CIDR blocks.*literal ID/);
  });

  test('a deleted connection next to the live one (a replacement) is not a second match', async () => {
    const ec2 = fakeEc2([[{ id: 'pcx-old', code: 'deleted' }, { id: 'pcx-new', code: 'active' }]]);
    await expect(run(LOOKUP, ec2).result).resolves.toMatchObject({ PhysicalResourceId: 'pcx-new' });
  });

  test('a match from another region is not this pair\'s connection', async () => {
    const ec2 = fakeEc2([[{ id: 'pcx-eu', code: 'active', region: 'eu-west-1' }, { id: 'pcx-us', code: 'active' }]]);
    await expect(run(LOOKUP, ec2).result).resolves.toMatchObject({ PhysicalResourceId: 'pcx-us' });
  });

  test.each([
    ['failed', /is failed: pcx-1 .*overlapping CIDR blocks/],
    ['rejected', /is rejected: .*rejected the request/],
    ['expired', /is expired: .*within 7 days/],
  ])('only a %s connection: fails after a one-minute grace (not the whole wait) with the state and what to do', async (code, message) => {
    const ec2 = fakeEc2([[{ id: 'pcx-1', code, message: 'Overlapping CIDR' }]]);
    const { result, waits } = run(LOOKUP, ec2);
    await expect(result).rejects.toThrow(message);
    expect(waits.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(60000);
    expect(waits.reduce((a, b) => a + b, 0)).toBeLessThan(120000);
  });

  test('an ended connection, then the new request appears: the new one is found', async () => {
    const ec2 = fakeEc2([[{ id: 'pcx-old', code: 'failed' }], [{ id: 'pcx-old', code: 'failed' }, { id: 'pcx-new', code: 'active' }]]);
    await expect(run(LOOKUP, ec2).result).resolves.toMatchObject({ PhysicalResourceId: 'pcx-new' });
  });

  test('still pending acceptance when the wait ends: names the connection, its state and the accepter role', async () => {
    const ec2 = fakeEc2([[{ id: 'pcx-1', code: 'pending-acceptance' }]]);
    const { result, waits } = run({ ...LOOKUP, WaitSeconds: '30' }, ec2);
    await expect(result).rejects.toThrow(/is still pending-acceptance after 30 s: pcx-1 .*PeerRoleArn/);
    expect(waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(30000);
  });

  test('never found: says to deploy the requester stack first', async () => {
    const ec2 = fakeEc2([[]]);
    await expect(run({ ...LOOKUP, WaitSeconds: '10' }, ec2).result).rejects.toThrow(/was not found after 10 s\. Deploy the requester's stack first/);
  });

  test('delete does nothing (a lookup holds nothing)', async () => {
    const ec2 = fakeEc2([[]]);
    await expect(run(LOOKUP, ec2, 'Delete', 'pcx-1').result).resolves.toEqual({ PhysicalResourceId: 'pcx-1' });
    expect(ec2.calls).toEqual([]);
  });
});

describe('Custom::PeeringConnection handler: DnsOptions', () => {
  const DNS = { Operation: 'DnsOptions', PeeringConnectionId: 'pcx-1', RequesterSide: 'true', AccepterSide: 'false', WaitSeconds: '600' };

  test('waits for the connection to be active, then sets only the asked side', async () => {
    const ec2 = fakeEc2([[{ id: 'pcx-1', code: 'provisioning' }], [{ id: 'pcx-1', code: 'active' }]]);
    await expect(run(DNS, ec2).result).resolves.toEqual({ PhysicalResourceId: 'pcx-1:dns' });
    const modify = ec2.calls.filter((c) => c.command === 'ModifyVpcPeeringConnectionOptionsCommand');
    expect(modify).toEqual([{
      command: 'ModifyVpcPeeringConnectionOptionsCommand',
      input: { VpcPeeringConnectionId: 'pcx-1', RequesterPeeringConnectionOptions: { AllowDnsResolutionFromRemoteVpc: true } },
    }]);
    expect(ec2.calls.map((c) => c.command)).toEqual([
      'DescribeVpcPeeringConnectionsCommand', 'DescribeVpcPeeringConnectionsCommand', 'ModifyVpcPeeringConnectionOptionsCommand',
    ]);
  });

  test('a failed connection fails without modifying anything', async () => {
    const ec2 = fakeEc2([[{ id: 'pcx-1', code: 'failed' }]]);
    await expect(run(DNS, ec2).result).rejects.toThrow(/is failed/);
    expect(ec2.calls.map((c) => c.command)).not.toContain('ModifyVpcPeeringConnectionOptionsCommand');
  });

  test('delete turns the option off; a connection already gone is fine', async () => {
    const gone = Object.assign(new Error('gone'), { name: 'InvalidVpcPeeringConnectionID.NotFound' });
    const ec2 = { calls: [] as string[], send: async (cmd: any) => { ec2.calls.push(cmd.constructor.name); throw gone; } };
    await expect(run(DNS, ec2, 'Delete', 'pcx-1:dns').result).resolves.toEqual({ PhysicalResourceId: 'pcx-1:dns' });
    const other = Object.assign(new Error('denied'), { name: 'UnauthorizedOperation' });
    const ec2b = { send: async () => { throw other; } };
    await expect(run(DNS, ec2b, 'Delete', 'pcx-1:dns').result).rejects.toThrow('denied');
  });
});
