// @ts-check
/**
 * Custom resource handler of PrivateLinkEndpointAcceptance (aws-cdk-lib core CustomResourceProvider:
 * its entrypoint calls `handler(event)` and sends the returned { PhysicalResourceId, Data } to
 * CloudFormation). Plain JavaScript, no bundling: only @aws-sdk/client-ec2, which the Lambda
 * Node.js runtime provides.
 *
 * Create / Update: poll the service's endpoint connections (back-off from 1 s, bounded by
 * MaxWaitSeconds), accept the pendingAcceptance ones owned by the listed accounts, and succeed
 * once every expected account has its expected number of accepted connections and none of the
 * listed accounts' connections is still pending. Otherwise fail, naming what is missing or pending.
 * Delete: nothing (deleting the step rejects no connection).
 */
'use strict';

const { EC2Client, DescribeVpcEndpointConnectionsCommand, AcceptVpcEndpointConnectionsCommand } = require('@aws-sdk/client-ec2');

/**
 * @typedef {object} AcceptanceProps
 * @property {string} ServiceId the endpoint service (vpce-svc-...)
 * @property {string[]} Accounts accounts whose pending endpoints are accepted
 * @property {Record<string, number | string>} [ExpectedEndpoints] endpoints per account the app holds (CloudFormation passes numbers as strings)
 * @property {number | string} [MaxWaitSeconds] how long to wait for the expected endpoints
 */

/**
 * @typedef {object} Connection
 * @property {string} id endpoint ID
 * @property {string} owner owning account
 * @property {string} state pendingAcceptance | pending | available | deleting | deleted | rejected | failed
 */

/**
 * @typedef {object} Ec2Like
 * @property {(command: any) => Promise<any>} send
 */

/**
 * @typedef {object} Clock
 * @property {() => number} now milliseconds
 * @property {(ms: number) => Promise<void>} sleep
 */

// Interface endpoint lifecycle: after acceptance a connection moves pending → available.
const ACCEPTED = ['pending', 'available'];
const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 20000;

/** @type {Clock} */
const realClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Every connection of the service (all pages). The service-id filter is also applied here, so a
 * partial implementation of the filter cannot widen what is accepted.
 * @param {Ec2Like} ec2
 * @param {string} serviceId
 * @returns {Promise<Connection[]>}
 */
async function listConnections(ec2, serviceId) {
  /** @type {Connection[]} */
  const out = [];
  /** @type {string | undefined} */
  let token;
  do {
    const page = await ec2.send(new DescribeVpcEndpointConnectionsCommand({
      // DescribeVpcEndpointConnections filters: service-id, vpc-endpoint-owner, vpc-endpoint-state.
      Filters: [{ Name: 'service-id', Values: [serviceId] }],
      NextToken: token,
    }));
    for (const c of page.VpcEndpointConnections ?? []) {
      if (c.ServiceId !== undefined && c.ServiceId !== serviceId) continue;
      out.push({ id: String(c.VpcEndpointId), owner: String(c.VpcEndpointOwner), state: String(c.VpcEndpointState) });
    }
    token = page.NextToken || undefined;
  } while (token);
  return out;
}

/**
 * Normalise the resource properties (CloudFormation turns numbers into strings).
 * @param {AcceptanceProps} props
 */
function parseProps(props) {
  if (!props || typeof props.ServiceId !== 'string' || !props.ServiceId) throw new Error('ServiceId is required');
  const accounts = Array.isArray(props.Accounts) ? props.Accounts.map(String) : [];
  if (accounts.length === 0) throw new Error('Accounts must list at least one account');
  /** @type {Record<string, number>} */
  const expected = {};
  for (const [account, n] of Object.entries(props.ExpectedEndpoints ?? {})) expected[account] = Number(n);
  const maxWaitSeconds = props.MaxWaitSeconds === undefined ? 600 : Number(props.MaxWaitSeconds);
  if (!Number.isFinite(maxWaitSeconds) || maxWaitSeconds < 0) throw new Error(`MaxWaitSeconds must be a number of seconds, got ${JSON.stringify(props.MaxWaitSeconds)}`);
  return { serviceId: props.ServiceId, accounts, expected, maxWaitSeconds };
}

/**
 * Accept the pending connections of the listed accounts, waiting (bounded) for the expected ones.
 * @param {AcceptanceProps} props
 * @param {Ec2Like} ec2
 * @param {Clock} [clock]
 * @returns {Promise<{ accepted: string[] }>}
 */
async function acceptEndpoints(props, ec2, clock = realClock) {
  const { serviceId, accounts, expected, maxWaitSeconds } = parseProps(props);
  const deadline = clock.now() + maxWaitSeconds * 1000;
  /** @type {string[]} */
  const accepted = [];
  /** @type {Map<string, string>} endpoint ID → why AcceptVpcEndpointConnections did not accept it */
  const refused = new Map();
  let delay = FIRST_DELAY_MS;
  for (;;) {
    const connections = (await listConnections(ec2, serviceId)).filter((c) => accounts.includes(c.owner));
    const pending = connections.filter((c) => c.state === 'pendingAcceptance');
    if (pending.length > 0) {
      const result = await ec2.send(new AcceptVpcEndpointConnectionsCommand({
        ServiceId: serviceId,
        VpcEndpointIds: pending.map((c) => c.id),
      }));
      const failed = new Set();
      for (const u of result.Unsuccessful ?? []) {
        failed.add(u.ResourceId);
        refused.set(String(u.ResourceId), `${u.Error?.Code ?? 'error'}: ${u.Error?.Message ?? 'not accepted'}`);
      }
      for (const c of pending) {
        if (failed.has(c.id)) continue;
        c.state = 'pending';
        if (!accepted.includes(c.id)) accepted.push(c.id);
        refused.delete(c.id);
      }
    }

    const stillPending = connections.filter((c) => c.state === 'pendingAcceptance');
    const missing = Object.entries(expected)
      .map(([account, n]) => ({ account, n, have: connections.filter((c) => c.owner === account && ACCEPTED.includes(c.state)).length }))
      .filter((m) => m.have < m.n);
    if (stillPending.length === 0 && missing.length === 0) return { accepted };

    if (clock.now() + delay > deadline) {
      const parts = [];
      if (missing.length > 0) {
        parts.push(`expected endpoints not seen: ${missing.map((m) => `account ${m.account} has ${m.have} of ${m.n}`).join('; ')}`);
      }
      if (stillPending.length > 0) {
        parts.push(`still pendingAcceptance: ${stillPending.map((c) => `${c.id} (account ${c.owner}${refused.has(c.id) ? `, ${refused.get(c.id)}` : ''})`).join(', ')}`);
      }
      throw new Error(`PrivateLink endpoint acceptance for ${serviceId} gave up after ${maxWaitSeconds} s: ${parts.join('; ')}. `
        + 'Check that the consumer stacks deployed their endpoints to this service, then deploy again (or accept with aws ec2 accept-vpc-endpoint-connections).');
    }
    await clock.sleep(delay);
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  }
}

/**
 * The custom resource handler.
 * @param {{ RequestType: 'Create' | 'Update' | 'Delete', ResourceProperties: AcceptanceProps & { ServiceToken?: string }, PhysicalResourceId?: string }} event
 * @returns {Promise<{ PhysicalResourceId: string, Data?: Record<string, string> }>}
 */
async function handler(event) {
  const props = event.ResourceProperties;
  const physicalId = `${props.ServiceId}/endpoint-acceptance`;
  if (event.RequestType === 'Delete') return { PhysicalResourceId: event.PhysicalResourceId ?? physicalId };
  const { accepted } = await acceptEndpoints(props, new EC2Client({}));
  return { PhysicalResourceId: physicalId, Data: { AcceptedEndpointIds: accepted.join(',') } };
}

module.exports = { handler, acceptEndpoints, parseProps };
