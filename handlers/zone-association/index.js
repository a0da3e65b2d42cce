// @ts-check
// Custom resource handler of InterfaceEndpointHub (aws-cdk-lib CustomResourceProvider, nodejs
// runtime, AWS SDK v3 as the Lambda runtime provides it). It runs in the spoke VPC's account and
// associates the VPC with one of the hub's private hosted zones, found by name and comment.
// "Associating an Amazon VPC and a private hosted zone that you created with different AWS
// accounts" (Route 53 Developer Guide): the zone's account authorizes the association
// (CreateVPCAssociationAuthorization), the VPC's account associates (AssociateVPCWithHostedZone),
// and the authorization is then deleted (DeleteVPCAssociationAuthorization; the association stays).
'use strict';

/** @param {string} name */
function r53(name) {
  return require('@aws-sdk/client-route-53')[name];
}

/** @param {any} [credentials] */
function route53Client(credentials) {
  const { Route53Client } = require('@aws-sdk/client-route-53');
  return new Route53Client(credentials ? { credentials } : {});
}

/**
 * Credentials of the hub account's authorizer role.
 * @param {string} roleArn
 */
async function assume(roleArn) {
  const { STSClient, AssumeRoleCommand } = require('@aws-sdk/client-sts');
  const sts = new STSClient({});
  const out = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'hub-zone-association' }));
  const c = out.Credentials;
  if (!c) throw new Error(`AssumeRole ${roleArn} returned no credentials`);
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
}

/** @param {string} id */
const bareId = (id) => id.replace(/^\/hostedzone\//, '');

/**
 * The one private zone of this name and comment (the hub's path and service) in the zone's account.
 * @param {any} client
 * @param {string} name
 * @param {string} comment
 */
async function findZone(client, name, comment) {
  const dnsName = name.endsWith('.') ? name : `${name}.`;
  const out = await client.send(new (r53('ListHostedZonesByNameCommand'))({ DNSName: dnsName, MaxItems: 100 }));
  const zones = (out.HostedZones ?? []).filter((/** @type {any} */ z) => z.Name === dnsName && z.Config?.PrivateZone && z.Config?.Comment === comment);
  if (zones.length !== 1) {
    throw new Error(`${zones.length === 0 ? 'No private hosted zone' : `${zones.length} private hosted zones`} named ${dnsName} with comment ${JSON.stringify(comment)}`
      + ' in the hub\'s account. Deploy the hub\'s stack first (cdk deploy --all orders the stacks).');
  }
  return bareId(zones[0].Id);
}

/** @param {any} e @param {string[]} codes */
const is = (e, codes) => codes.includes(e?.name) || codes.includes(e?.Code);

/**
 * @param {any} event
 * @param {any} [_context]
 * @param {{ own?: any, authorizer?: any }} [deps] for tests: Route 53 clients of the VPC's and the zone's account
 */
async function handler(event, _context, deps = {}) {
  const p = event.ResourceProperties;
  const vpc = { VPCId: p.VpcId, VPCRegion: p.VpcRegion };
  const own = deps.own ?? route53Client();
  const crossAccount = p.AuthorizerRoleArn !== undefined;
  const authorizer = deps.authorizer ?? (crossAccount ? route53Client(await assume(p.AuthorizerRoleArn)) : own);

  if (event.RequestType === 'Delete') {
    const [zoneId, vpcId] = String(event.PhysicalResourceId).split('/');
    if (!vpcId) return { PhysicalResourceId: event.PhysicalResourceId }; // a create that failed before associating
    try {
      await own.send(new (r53('DisassociateVPCFromHostedZoneCommand'))({ HostedZoneId: zoneId, VPC: { ...vpc, VPCId: vpcId } }));
    } catch (e) {
      // Already gone with the zone, or never associated: nothing to remove.
      if (!is(e, ['NoSuchHostedZone', 'VPCAssociationNotFound', 'InvalidVPCId'])) throw e;
    }
    return { PhysicalResourceId: event.PhysicalResourceId };
  }

  const zoneId = await findZone(authorizer, p.HostedZoneName, p.HostedZoneComment);
  const listed = await own.send(new (r53('ListHostedZonesByVPCCommand'))({ VPCId: vpc.VPCId, VPCRegion: vpc.VPCRegion }));
  const already = (listed.HostedZoneSummaries ?? []).some((/** @type {any} */ z) => bareId(z.HostedZoneId) === zoneId);
  if (!already) {
    if (crossAccount) await authorizer.send(new (r53('CreateVPCAssociationAuthorizationCommand'))({ HostedZoneId: zoneId, VPC: vpc }));
    try {
      await own.send(new (r53('AssociateVPCWithHostedZoneCommand'))({ HostedZoneId: zoneId, VPC: vpc }));
    } finally {
      // The authorization is only needed for the association call (Route 53 Developer Guide).
      if (crossAccount) await authorizer.send(new (r53('DeleteVPCAssociationAuthorizationCommand'))({ HostedZoneId: zoneId, VPC: vpc }));
    }
  }
  return { PhysicalResourceId: `${zoneId}/${vpc.VPCId}`, Data: { HostedZoneId: zoneId } };
}

module.exports = { handler };
