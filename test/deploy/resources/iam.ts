// IAM roles, policies and instance profiles.
import * as iam from '@aws-sdk/client-iam';
import { changedKeys, jsonDoc, physicalName, ResourceHandler } from './types';
import type { HandlerContext } from '../engine';
import { isAwsManagedPolicy, recordAwsManagedPolicy } from '../shims';

type Props = Record<string, any>;

/** Attach a managed policy; AWS managed ones go through the shim (see shims.ts). */
async function attach(ctx: HandlerContext, roleName: string, arn: string): Promise<void> {
  if (isAwsManagedPolicy(arn)) return recordAwsManagedPolicy(ctx, roleName, arn, 'attach');
  await ctx.clients.iam.send(new iam.AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: arn }));
}

async function detach(ctx: HandlerContext, roleName: string, arn: string): Promise<void> {
  if (isAwsManagedPolicy(arn)) return recordAwsManagedPolicy(ctx, roleName, arn, 'detach');
  await ctx.clients.iam.send(new iam.DetachRolePolicyCommand({ RoleName: roleName, PolicyArn: arn }));
}

async function putInline(ctx: HandlerContext, roleName: string, policies: Props[] | undefined): Promise<void> {
  for (const pol of policies ?? []) {
    await ctx.clients.iam.send(new iam.PutRolePolicyCommand({
      RoleName: roleName,
      PolicyName: pol.PolicyName,
      PolicyDocument: jsonDoc(pol.PolicyDocument),
    }));
  }
}

const Role: ResourceHandler = {
  async create(p, ctx) {
    const name = p.RoleName ?? physicalName(ctx, 64);
    const out = await ctx.clients.iam.send(new iam.CreateRoleCommand({
      RoleName: name,
      AssumeRolePolicyDocument: jsonDoc(p.AssumeRolePolicyDocument),
      Path: p.Path,
      Description: p.Description,
      MaxSessionDuration: p.MaxSessionDuration && Number(p.MaxSessionDuration),
      PermissionsBoundary: p.PermissionsBoundary,
      Tags: p.Tags,
    }));
    for (const arn of p.ManagedPolicyArns ?? []) await attach(ctx, name, arn);
    await putInline(ctx, name, p.Policies);
    return { physicalId: name, attributes: { Arn: out.Role!.Arn, RoleId: out.Role!.RoleId } };
  },
  async update(p, old, ctx) {
    const changed = changedKeys(p, old.properties);
    if (changed.some((k) => ['RoleName', 'Path'].includes(k))) return undefined;
    const name = old.physicalId;
    if (changed.includes('AssumeRolePolicyDocument')) {
      await ctx.clients.iam.send(new iam.UpdateAssumeRolePolicyCommand({ RoleName: name, PolicyDocument: jsonDoc(p.AssumeRolePolicyDocument) }));
    }
    const before = (old.properties.ManagedPolicyArns ?? []) as string[];
    const after = (p.ManagedPolicyArns ?? []) as string[];
    for (const arn of before.filter((a) => !after.includes(a))) {
      await detach(ctx, name, arn);
    }
    for (const arn of after.filter((a) => !before.includes(a))) {
      await attach(ctx, name, arn);
    }
    for (const pol of (old.properties.Policies ?? []) as Props[]) {
      if (!(p.Policies ?? []).some((n: Props) => n.PolicyName === pol.PolicyName)) {
        await ctx.clients.iam.send(new iam.DeleteRolePolicyCommand({ RoleName: name, PolicyName: pol.PolicyName }));
      }
    }
    await putInline(ctx, name, p.Policies);
    return { physicalId: name, attributes: old.attributes };
  },
  async delete(old, ctx) {
    const name = old.physicalId;
    for (const arn of (old.properties.ManagedPolicyArns ?? []) as string[]) {
      await detach(ctx, name, arn);
    }
    for (const pol of (old.properties.Policies ?? []) as Props[]) {
      await ctx.clients.iam.send(new iam.DeleteRolePolicyCommand({ RoleName: name, PolicyName: pol.PolicyName }));
    }
    await ctx.clients.iam.send(new iam.DeleteRoleCommand({ RoleName: name }));
  },
};

const Policy: ResourceHandler = {
  async create(p, ctx) {
    if (p.Users?.length || p.Groups?.length) throw new Error('AWS::IAM::Policy: only Roles are supported by the deploy tier');
    for (const role of p.Roles ?? []) {
      await ctx.clients.iam.send(new iam.PutRolePolicyCommand({
        RoleName: role,
        PolicyName: p.PolicyName,
        PolicyDocument: jsonDoc(p.PolicyDocument),
      }));
    }
    return { physicalId: `${String(p.PolicyName).slice(0, 5)}-${Math.random().toString(36).slice(2, 14)}`, attributes: { Id: p.PolicyName } };
  },
  async update(p, old, ctx) {
    if (p.PolicyName !== old.properties.PolicyName) return undefined;
    for (const role of ((old.properties.Roles ?? []) as string[]).filter((r) => !(p.Roles ?? []).includes(r))) {
      await ctx.clients.iam.send(new iam.DeleteRolePolicyCommand({ RoleName: role, PolicyName: p.PolicyName }));
    }
    await Policy.create(p, ctx);
    return { physicalId: old.physicalId, attributes: old.attributes };
  },
  async delete(old, ctx) {
    for (const role of (old.properties.Roles ?? []) as string[]) {
      await ctx.clients.iam.send(new iam.DeleteRolePolicyCommand({ RoleName: role, PolicyName: old.properties.PolicyName as string }));
    }
  },
};

const ManagedPolicy: ResourceHandler = {
  async create(p, ctx) {
    const out = await ctx.clients.iam.send(new iam.CreatePolicyCommand({
      PolicyName: p.ManagedPolicyName ?? physicalName(ctx, 128), PolicyDocument: jsonDoc(p.PolicyDocument), Path: p.Path, Description: p.Description,
    }));
    const arn = out.Policy!.Arn!;
    for (const role of p.Roles ?? []) await attach(ctx, role, arn);
    return { physicalId: arn, attributes: { PolicyArn: arn } };
  },
  async delete(old, ctx) {
    for (const role of (old.properties.Roles ?? []) as string[]) {
      await ctx.clients.iam.send(new iam.DetachRolePolicyCommand({ RoleName: role, PolicyArn: old.physicalId }));
    }
    await ctx.clients.iam.send(new iam.DeletePolicyCommand({ PolicyArn: old.physicalId }));
  },
};

const InstanceProfile: ResourceHandler = {
  async create(p, ctx) {
    const name = p.InstanceProfileName ?? physicalName(ctx, 128);
    const out = await ctx.clients.iam.send(new iam.CreateInstanceProfileCommand({ InstanceProfileName: name, Path: p.Path }));
    for (const role of p.Roles ?? []) {
      await ctx.clients.iam.send(new iam.AddRoleToInstanceProfileCommand({ InstanceProfileName: name, RoleName: role }));
    }
    return { physicalId: name, attributes: { Arn: out.InstanceProfile!.Arn } };
  },
  async delete(old, ctx) {
    for (const role of (old.properties.Roles ?? []) as string[]) {
      await ctx.clients.iam.send(new iam.RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: old.physicalId, RoleName: role }));
    }
    await ctx.clients.iam.send(new iam.DeleteInstanceProfileCommand({ InstanceProfileName: old.physicalId }));
  },
};

/** Handlers of IAM types. */
export const IAM_HANDLERS: Record<string, ResourceHandler> = {
  'AWS::IAM::Role': Role,
  'AWS::IAM::Policy': Policy,
  'AWS::IAM::ManagedPolicy': ManagedPolicy,
  'AWS::IAM::InstanceProfile': InstanceProfile,
};
