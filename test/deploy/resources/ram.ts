// AWS::RAM::ResourceShare through the RAM API of the emulator, with the lattice resources it shares
// and the invitations it sends kept by the lattice store (moto 5.2.1 refuses vpc-lattice resource
// ARNs, "You cannot share the selected resource type", and has no invitations).
import * as ram from '@aws-sdk/client-ram';
import { latticeOf } from './lattice';
import { ResourceHandler } from './types';
import type { HandlerContext } from '../engine';

/** Send one RAM call for the stack's account (a client per call, closed after it). */
async function send<T>(ctx: HandlerContext, call: (c: ram.RAMClient) => Promise<T>): Promise<T> {
  const { region } = ctx.stack;
  const c = new ram.RAMClient({ region, endpoint: ctx.engine.accounts.endpoint, credentials: ctx.clients.credentials, maxAttempts: 2 });
  try {
    return await call(c);
  } finally {
    c.destroy();
  }
}

/** The account a principal of a share stands for (an account ID, or an IAM role's or user's ARN). */
function principalAccount(principal: string): string | undefined {
  if (/^\d{12}$/.test(principal)) return principal;
  return /^arn:[^:]+:iam::(\d{12}):(root|role\/.+|user\/.+)$/.exec(principal)?.[1];
}

// AWS::RAM::ResourceShare (CloudFormation template reference): Name required; Ref and Arn return
// the share's ARN; Status, OwningAccountId, CreationTime, LastUpdatedTime, FeatureSet read-only.
// CreateResourceShare (AWS RAM API Reference): principals are account IDs, organization or OU
// ARNs, IAM role or user ARNs or service principals; AllowExternalPrincipals defaults to true; a
// resource ARN that the caller does not own is UnknownResourceException. "Accepting and rejecting
// invitations" (AWS RAM User Guide): an account outside the owner's organization gets an
// invitation it must accept (the deploy tier has no organization, so every other account does).
const ResourceShare: ResourceHandler = {
  async create(p, ctx) {
    const T = 'AWS::RAM::ResourceShare';
    if (!p.Name) throw new Error(`ValidationException: ${T}: required property Name is missing`);
    const { account, region } = ctx.stack;
    const store = latticeOf(ctx.engine);
    const resourceArns = ((p.ResourceArns ?? []) as string[]).map(String);
    for (const arn of resourceArns) {
      const lattice = /^arn:[^:]+:vpc-lattice:/.test(arn);
      const owned = lattice && [...store.configurations.values()].some((c) => c.arn === arn && c.account === account && c.region === region);
      if (!owned) {
        throw new Error(`UnknownResourceException: ${T}: ${arn} is not a resource of account ${account} in ${region} the deploy tier can share (resource configurations only)`);
      }
    }
    const principals = ((p.Principals ?? []) as string[]).map(String);
    const out = await send(ctx, (c) => c.send(new ram.CreateResourceShareCommand({
      name: String(p.Name),
      principals,
      allowExternalPrincipals: p.AllowExternalPrincipals === undefined ? undefined : p.AllowExternalPrincipals === true || p.AllowExternalPrincipals === 'true',
      tags: (p.Tags ?? []).map((t: { Key: string; Value: string }) => ({ key: t.Key, value: t.Value })),
    })));
    const share = out.resourceShare!;
    const arn = share.resourceShareArn!;
    const invited = [...new Set(principals.map(principalAccount).filter((a): a is string => !!a && a !== account))];
    store.shares.set(arn, {
      arn,
      account,
      region,
      name: String(p.Name),
      principals,
      resourceArns,
      invitations: new Map(invited.map((a) => [a, 'PENDING' as const])),
    });
    return {
      physicalId: arn,
      attributes: {
        Arn: arn,
        Status: share.status,
        OwningAccountId: share.owningAccountId,
        CreationTime: share.creationTime?.toISOString(),
        LastUpdatedTime: share.lastUpdatedTime?.toISOString(),
        FeatureSet: share.featureSet,
      },
    };
  },
  async delete(old, ctx) {
    await send(ctx, (c) => c.send(new ram.DeleteResourceShareCommand({ resourceShareArn: old.physicalId })));
    latticeOf(ctx.engine).shares.delete(old.physicalId);
  },
};

/** Handlers of AWS RAM types, by CloudFormation type. */
export const RAM_HANDLERS: Record<string, ResourceHandler> = {
  'AWS::RAM::ResourceShare': ResourceShare,
};
