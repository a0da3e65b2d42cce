// Integration snapshot: PeeredVpcPair in one stack, across stacks, across regions and across accounts.
import { integApp, integStack, integVpc } from './integ-app';
import { PeeredVpcPair } from '../src';

const app = integApp();

// One stack, with DNS resolution across the peering.
const local = integStack(app, 'PeeringLocal', '111111111111', 'us-east-1');
new PeeredVpcPair(local, 'Pair', {
  requester: integVpc(local, 'A', '10.0.0.0/16'),
  accepter: integVpc(local, 'B', '10.1.0.0/16'),
  allowDnsResolution: true,
});

// Two stacks, same account and region.
const left = integStack(app, 'PeeringLeft', '111111111111', 'us-east-1');
const right = integStack(app, 'PeeringRight', '111111111111', 'us-east-1');
new PeeredVpcPair(right, 'Pair', { requester: integVpc(left, 'Vpc', '10.2.0.0/16'), accepter: integVpc(right, 'Vpc', '10.3.0.0/16') });

// Across regions, same account.
const east = integStack(app, 'PeeringEast', '111111111111', 'us-east-1');
const west = integStack(app, 'PeeringWest', '111111111111', 'eu-west-1');
new PeeredVpcPair(east, 'Pair', { requester: integVpc(east, 'Vpc', '10.4.0.0/16'), accepter: integVpc(west, 'Vpc', '10.5.0.0/16') });

// Across accounts: the accepter role in the accepter's stack.
const mine = integStack(app, 'PeeringRequester', '111111111111', 'us-east-1');
const theirs = integStack(app, 'PeeringAccepter', '222222222222', 'us-east-1');
new PeeredVpcPair(mine, 'Pair', { requester: integVpc(mine, 'Vpc', '10.6.0.0/16'), accepter: integVpc(theirs, 'Vpc', '10.7.0.0/16') });

app.synth();
