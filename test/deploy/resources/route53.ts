// Route 53 private hosted zones (with their VPC list) and alias records, through the service API
// as CloudFormation calls it.
import { randomUUID } from 'crypto';
import * as r53 from '@aws-sdk/client-route-53';
import { changedKeys, ResourceHandler } from './types';
import type { HandlerContext } from '../engine';

type Vpc = r53.VPC & { VPCId: string; VPCRegion: r53.VPCRegion };

const vpcsOf = (p: Record<string, any>): Vpc[] =>
  (p.VPCs ?? []).map((v: any) => ({ VPCId: String(v.VPCId), VPCRegion: String(v.VPCRegion) as r53.VPCRegion }));
const key = (v: Vpc) => `${v.VPCRegion}/${v.VPCId}`;
const bare = (id: string) => id.replace(/^\/hostedzone\//, '');

async function associate(ctx: HandlerContext, zoneId: string, vpcs: Vpc[], how: 'associate' | 'disassociate'): Promise<void> {
  for (const VPC of vpcs) {
    const cmd = how === 'associate'
      ? new r53.AssociateVPCWithHostedZoneCommand({ HostedZoneId: zoneId, VPC })
      : new r53.DisassociateVPCFromHostedZoneCommand({ HostedZoneId: zoneId, VPC });
    await ctx.clients.route53.send(cmd as any);
  }
}

// AWS::Route53::HostedZone: a private zone when VPCs are given (the first one at creation, the
// others associated after), HostedZoneConfig.Comment, Ref = the zone ID.
const HostedZone: ResourceHandler = {
  async create(p, ctx) {
    const vpcs = vpcsOf(p);
    const out = await ctx.clients.route53.send(new r53.CreateHostedZoneCommand({
      Name: p.Name,
      CallerReference: randomUUID(),
      HostedZoneConfig: { Comment: p.HostedZoneConfig?.Comment, PrivateZone: vpcs.length > 0 },
      VPC: vpcs[0],
    }));
    const id = bare(out.HostedZone!.Id!);
    await associate(ctx, id, vpcs.slice(1), 'associate');
    ctx.engine.shims.recordHostedZone(id, ctx.stack.account);
    return { physicalId: id, attributes: { Id: id, NameServers: out.DelegationSet?.NameServers ?? [] } };
  },
  async update(p, old, ctx) {
    if (changedKeys(p, old.properties).some((k) => !['VPCs', 'HostedZoneConfig', 'HostedZoneTags'].includes(k))) return undefined;
    const before = vpcsOf(old.properties);
    const after = vpcsOf(p);
    await associate(ctx, old.physicalId, after.filter((v) => !before.some((b) => key(b) === key(v))), 'associate');
    await associate(ctx, old.physicalId, before.filter((v) => !after.some((a) => key(a) === key(v))), 'disassociate');
    if (p.HostedZoneConfig?.Comment !== (old.properties.HostedZoneConfig as { Comment?: string } | undefined)?.Comment) {
      await ctx.clients.route53.send(new r53.UpdateHostedZoneCommentCommand({ Id: old.physicalId, Comment: p.HostedZoneConfig?.Comment }));
    }
    return { physicalId: old.physicalId, attributes: old.attributes };
  },
  async delete(old, ctx) {
    await ctx.clients.route53.send(new r53.DeleteHostedZoneCommand({ Id: old.physicalId }));
    ctx.engine.shims.forgetHostedZone(old.physicalId);
  },
};

function recordSet(p: Record<string, any>): r53.ResourceRecordSet {
  return {
    Name: p.Name,
    Type: p.Type,
    ...(p.AliasTarget ? {
      AliasTarget: {
        HostedZoneId: p.AliasTarget.HostedZoneId,
        DNSName: p.AliasTarget.DNSName,
        EvaluateTargetHealth: p.AliasTarget.EvaluateTargetHealth === true || p.AliasTarget.EvaluateTargetHealth === 'true',
      },
    } : {
      TTL: p.TTL === undefined ? undefined : Number(p.TTL),
      ResourceRecords: (p.ResourceRecords ?? []).map((v: string) => ({ Value: v })),
    }),
  };
}

async function change(ctx: HandlerContext, zoneId: string, action: r53.ChangeAction, p: Record<string, any>): Promise<void> {
  await ctx.clients.route53.send(new r53.ChangeResourceRecordSetsCommand({
    HostedZoneId: zoneId,
    ChangeBatch: { Changes: [{ Action: action, ResourceRecordSet: recordSet(p) }] },
  }));
}

// AWS::Route53::RecordSet: Ref = the record's name.
const RecordSet: ResourceHandler = {
  async create(p, ctx) {
    await change(ctx, p.HostedZoneId, 'CREATE', p);
    return { physicalId: String(p.Name) };
  },
  async update(p, old, ctx) {
    if (p.HostedZoneId !== old.properties.HostedZoneId || p.Name !== old.properties.Name || p.Type !== old.properties.Type) return undefined;
    await change(ctx, p.HostedZoneId, 'UPSERT', p);
    return { physicalId: old.physicalId };
  },
  async delete(old, ctx) {
    await change(ctx, String(old.properties.HostedZoneId), 'DELETE', old.properties);
  },
};

export const ROUTE53_HANDLERS: Record<string, ResourceHandler> = {
  'AWS::Route53::HostedZone': HostedZone,
  'AWS::Route53::RecordSet': RecordSet,
};
