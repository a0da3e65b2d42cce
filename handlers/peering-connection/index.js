// @ts-check
// Custom resource handler of PeeredVpcPair (aws-cdk-lib CustomResourceProvider, nodejs runtime,
// AWS SDK v3 as the Lambda runtime provides it). Two operations, both of which need an ACTIVE
// peering connection, so both wait for it with a bounded back-off:
//   - Lookup: the accepter's side finds the one connection from the requester (filters known at
//     synth) and returns its ID once it is active.
//   - DnsOptions: sets AllowDnsResolutionFromRemoteVpc on one or both sides once it is active.
// VPC peering connection lifecycle: initiating-request -> pending-acceptance -> provisioning ->
// active; or failed / rejected / expired / deleted (EC2 API VpcPeeringConnectionStateReason).
'use strict';

const LIVE = ['initiating-request', 'pending-acceptance', 'provisioning', 'active'];
/** How long the lookup waits for a live connection when it only sees ended ones. */
const DEAD_GRACE_SECONDS = 60;

/** What a user does about a connection left in each state. */
const ADVICE = {
  'initiating-request': 'the request is still being set up; deploy again in a few minutes',
  'pending-acceptance': 'nobody accepted the request: across accounts the requester stack must pass PeerRoleArn, a role in the accepter account that trusts the requester account and may ec2:AcceptVpcPeeringConnection (check that it exists and that the requester stack deployed with it); in one account CloudFormation accepts it, so accept it with `aws ec2 accept-vpc-peering-connection`',
  'provisioning': 'AWS is still provisioning the connection; deploy again in a few minutes',
  'failed': 'AWS refused the request, most often because the two VPCs have overlapping CIDR blocks or the accepter VPC does not exist; fix the cause and redeploy the requester stack',
  'rejected': 'the accepter account rejected the request; ask its owner to accept a new one and redeploy the requester stack',
  'expired': 'the request was not accepted within 7 days; redeploy the requester stack to request again',
  'deleted': 'the connection was deleted (replaced or removed); deploy the requester stack, then this stack again',
};

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @returns {any} */
function ec2Client() {
  // Required lazily so that a test can load the module without the SDK.
  const { EC2Client } = require('@aws-sdk/client-ec2');
  return new EC2Client({});
}

/** @param {string} name */
function command(name) {
  return require('@aws-sdk/client-ec2')[name];
}

/** @param {any} value */
function bool(value) {
  return value === true || value === 'true';
}

/** @param {any} c A VpcPeeringConnection of the EC2 API. */
function describe(c) {
  const r = c.RequesterVpcInfo ?? {};
  const status = c.Status ?? {};
  return `${c.VpcPeeringConnectionId} (requester ${r.OwnerId}/${r.Region} ${r.VpcId} ${r.CidrBlock}, ${status.Code}${status.Message ? `: ${status.Message}` : ''})`;
}

/**
 * Polls `probe` until it returns a value, backing off from 1 s to at most 15 s, for at most
 * `waitSeconds` of waiting; then throws what `timeout` says.
 * @template T
 * @param {(waitedMs: number) => Promise<T | undefined>} probe
 * @param {number} waitSeconds
 * @param {() => string} timeout
 * @param {(ms: number) => Promise<unknown>} wait
 * @returns {Promise<T>}
 */
async function poll(probe, waitSeconds, timeout, wait) {
  let waited = 0;
  let delay = 1000;
  for (;;) {
    const value = await probe(waited);
    if (value !== undefined) return value;
    if (waited + delay > waitSeconds * 1000) throw new Error(timeout());
    await wait(delay);
    waited += delay;
    delay = Math.min(delay * 2, 15000);
  }
}

/**
 * The one live connection matching the lookup's filters, once it is active.
 * @param {any} props
 * @param {any} ec2
 * @param {(ms: number) => Promise<unknown>} wait
 */
async function lookUp(props, ec2, wait) {
  const filters = [
    { Name: 'accepter-vpc-info.vpc-id', Values: [props.AccepterVpcId] },
    { Name: 'requester-vpc-info.owner-id', Values: [props.RequesterAccount] },
    props.RequesterVpcId
      ? { Name: 'requester-vpc-info.vpc-id', Values: [props.RequesterVpcId] }
      : { Name: 'requester-vpc-info.cidr-block', Values: [props.RequesterCidrBlock] },
  ];
  const what = `the peering connection from account ${props.RequesterAccount} ${props.RequesterVpcId ?? `VPC with primary block ${props.RequesterCidrBlock}`}`
    + `${props.RequesterRegion ? ` in ${props.RequesterRegion}` : ''} to ${props.AccepterVpcId}`;
  /** @type {any} */
  let last;
  const found = await poll(async (waited) => {
    const out = await ec2.send(new (command('DescribeVpcPeeringConnectionsCommand'))({ Filters: filters }));
    const matches = (out.VpcPeeringConnections ?? [])
      .filter((/** @type {any} */ c) => !props.RequesterRegion || c.RequesterVpcInfo?.Region === undefined || c.RequesterVpcInfo.Region === props.RequesterRegion);
    const live = matches.filter((/** @type {any} */ c) => LIVE.includes(c.Status?.Code));
    if (live.length > 1) {
      throw new Error(`${what}: ${live.length} connections match, ${live.map(describe).join('; ')}. `
        + 'The lookup needs exactly one: give the requester VPCs different primary CIDR blocks, or import the requester VPC with its literal ID (ec2.Vpc.fromVpcAttributes) so the lookup filters on it.');
    }
    if (live.length === 1) {
      last = live[0];
      return last.Status?.Code === 'active' ? last : undefined;
    }
    // Only ended connections: an earlier attempt (a replaced or failed one) may stand next to a new
    // request that is not visible yet in this region, so give it a grace period before failing.
    if (matches.length > 0 && waited >= Math.min(DEAD_GRACE_SECONDS, props.WaitSeconds) * 1000) {
      const dead = matches[matches.length - 1];
      const code = dead.Status?.Code;
      throw new Error(`${what} is ${code}: ${describe(dead)}. ${ADVICE[/** @type {keyof ADVICE} */ (code)] ?? ''}`);
    }
    last = undefined;
    return undefined;
  }, props.WaitSeconds, () => last
    ? `${what} is still ${last.Status?.Code} after ${props.WaitSeconds} s: ${describe(last)}. ${ADVICE[/** @type {keyof ADVICE} */ (last.Status?.Code)] ?? ''}`
    : `${what} was not found after ${props.WaitSeconds} s. Deploy the requester's stack first (cdk deploy --all orders the stacks), and check that it still peers this VPC.`, wait);
  return { PhysicalResourceId: found.VpcPeeringConnectionId, Data: { PeeringConnectionId: found.VpcPeeringConnectionId } };
}

/**
 * Waits for connection `id` to be active.
 * @param {string} id
 * @param {number} waitSeconds
 * @param {any} ec2
 * @param {(ms: number) => Promise<unknown>} wait
 */
async function waitActive(id, waitSeconds, ec2, wait) {
  /** @type {any} */
  let last;
  return poll(async () => {
    const out = await ec2.send(new (command('DescribeVpcPeeringConnectionsCommand'))({ VpcPeeringConnectionIds: [id] }));
    last = (out.VpcPeeringConnections ?? [])[0];
    const code = last?.Status?.Code;
    if (code === 'active') return last;
    if (code !== undefined && !LIVE.includes(code)) {
      throw new Error(`Peering connection ${describe(last)} is ${code}. ${ADVICE[/** @type {keyof ADVICE} */ (code)] ?? ''}`);
    }
    return undefined;
  }, waitSeconds, () => `Peering connection ${id} is still ${last?.Status?.Code ?? 'not visible'} after ${waitSeconds} s. ${ADVICE[/** @type {keyof ADVICE} */ (last?.Status?.Code)] ?? ''}`, wait);
}

/**
 * @param {any} props
 * @param {boolean} allow
 * @param {any} ec2
 */
async function setDns(props, allow, ec2) {
  const options = { AllowDnsResolutionFromRemoteVpc: allow };
  await ec2.send(new (command('ModifyVpcPeeringConnectionOptionsCommand'))({
    VpcPeeringConnectionId: props.PeeringConnectionId,
    ...(bool(props.RequesterSide) ? { RequesterPeeringConnectionOptions: options } : {}),
    ...(bool(props.AccepterSide) ? { AccepterPeeringConnectionOptions: options } : {}),
  }));
}

/**
 * CloudFormation custom resource entry point (called by aws-cdk-lib's CustomResourceProvider
 * entrypoint, which sends the response).
 * @param {any} event
 * @param {any} [_context] the Lambda context (unused)
 * @param {{ ec2?: any, wait?: (ms: number) => Promise<unknown> }} [deps] for tests: an EC2 client and a clock
 */
async function handler(event, _context, deps = {}) {
  const props = { ...event.ResourceProperties, WaitSeconds: Number(event.ResourceProperties.WaitSeconds ?? 600) };
  const ec2 = deps.ec2 ?? ec2Client();
  const wait = deps.wait ?? sleep;
  switch (props.Operation) {
    case 'Lookup':
      // A lookup holds nothing: deleting it (or the old one after a replacement) does nothing.
      if (event.RequestType === 'Delete') return { PhysicalResourceId: event.PhysicalResourceId };
      return lookUp(props, ec2, wait);
    case 'DnsOptions': {
      const physicalId = `${props.PeeringConnectionId}:dns`;
      if (event.RequestType === 'Delete') {
        try {
          await setDns(props, false, ec2);
        } catch (e) {
          // Deleting the connection first (or with it) removes the options anyway.
          const name = /** @type {any} */ (e).name ?? '';
          if (!/^InvalidVpcPeeringConnection(ID|Id)\.NotFound$|^InvalidStateTransition$|^OperationNotPermitted$/.test(name)) throw e;
        }
        return { PhysicalResourceId: event.PhysicalResourceId };
      }
      await waitActive(props.PeeringConnectionId, props.WaitSeconds, ec2, wait);
      await setDns(props, true, ec2);
      return { PhysicalResourceId: physicalId };
    }
    default:
      throw new Error(`Unknown operation ${JSON.stringify(props.Operation)}`);
  }
}

module.exports = { handler, ADVICE };
