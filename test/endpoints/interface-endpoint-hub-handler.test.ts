// The zone association handler against recording Route 53 clients: the two-step order across
// accounts, idempotence, and clean removal.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { handler } = require('../../handlers/zone-association/index.js');

type Call = [string, Record<string, any>];

function client(calls: Call[], who: string, answers: Record<string, any> = {}) {
  return {
    send: async (cmd: any) => {
      const name = cmd.constructor.name.replace(/Command$/, '');
      calls.push([`${who}:${name}`, cmd.input]);
      const a = answers[name];
      if (a instanceof Error) throw a;
      return a ?? {};
    },
  };
}

const ZONES = { HostedZones: [{ Id: '/hostedzone/Z1', Name: 'sqs.us-east-1.amazonaws.com.', Config: { PrivateZone: true, Comment: 'hub sqs' } }] };
const PROPS = { HostedZoneName: 'sqs.us-east-1.amazonaws.com', HostedZoneComment: 'hub sqs', VpcId: 'vpc-1', VpcRegion: 'us-east-1' };

test('cross-account create: authorize (hub account), associate (spoke account), then delete the authorization', async () => {
  const calls: Call[] = [];
  const out = await handler(
    { RequestType: 'Create', ResourceProperties: { ...PROPS, AuthorizerRoleArn: 'arn:aws:iam::111111111111:role/x' } },
    undefined,
    { own: client(calls, 'spoke'), authorizer: client(calls, 'hub', { ListHostedZonesByName: ZONES }) },
  );
  expect(calls.map(([n]) => n)).toEqual([
    'hub:ListHostedZonesByName', 'spoke:ListHostedZonesByVPC', 'hub:CreateVPCAssociationAuthorization',
    'spoke:AssociateVPCWithHostedZone', 'hub:DeleteVPCAssociationAuthorization',
  ]);
  expect(calls[2][1]).toEqual({ HostedZoneId: 'Z1', VPC: { VPCId: 'vpc-1', VPCRegion: 'us-east-1' } });
  expect(out).toEqual({ PhysicalResourceId: 'Z1/vpc-1', Data: { HostedZoneId: 'Z1' } });
});

test('the authorization is deleted even when the association fails', async () => {
  const calls: Call[] = [];
  const refused = Object.assign(new Error('not authorized'), { name: 'NotAuthorizedException' });
  await expect(handler(
    { RequestType: 'Create', ResourceProperties: { ...PROPS, AuthorizerRoleArn: 'arn:aws:iam::111111111111:role/x' } },
    undefined,
    { own: client(calls, 'spoke', { AssociateVPCWithHostedZone: refused }), authorizer: client(calls, 'hub', { ListHostedZonesByName: ZONES }) },
  )).rejects.toThrow(/not authorized/);
  expect(calls.map(([n]) => n).pop()).toBe('hub:DeleteVPCAssociationAuthorization');
});

test('same account: no authorization; an existing association is kept as it is', async () => {
  const calls: Call[] = [];
  const own = client(calls, 'own', { ListHostedZonesByName: ZONES, ListHostedZonesByVPC: { HostedZoneSummaries: [{ HostedZoneId: 'Z1' }] } });
  await handler({ RequestType: 'Update', PhysicalResourceId: 'Z1/vpc-1', ResourceProperties: PROPS }, undefined, { own });
  expect(calls.map(([n]) => n)).toEqual(['own:ListHostedZonesByName', 'own:ListHostedZonesByVPC']);
});

test('a missing zone fails with what to deploy first', async () => {
  const own = client([], 'own', { ListHostedZonesByName: { HostedZones: [] } });
  await expect(handler({ RequestType: 'Create', ResourceProperties: PROPS }, undefined, { own }))
    .rejects.toThrow(/No private hosted zone named sqs.us-east-1.amazonaws.com. with comment "hub sqs" in the hub's account. Deploy the hub's stack first/);
});

test('delete disassociates, and a zone or association already gone is not an error', async () => {
  const calls: Call[] = [];
  const gone = Object.assign(new Error('gone'), { name: 'NoSuchHostedZone' });
  const out = await handler({ RequestType: 'Delete', PhysicalResourceId: 'Z1/vpc-1', ResourceProperties: PROPS }, undefined,
    { own: client(calls, 'own', { DisassociateVPCFromHostedZone: gone }) });
  expect(calls).toEqual([['own:DisassociateVPCFromHostedZone', { HostedZoneId: 'Z1', VPC: { VPCId: 'vpc-1', VPCRegion: 'us-east-1' } }]]);
  expect(out).toEqual({ PhysicalResourceId: 'Z1/vpc-1' });
});
