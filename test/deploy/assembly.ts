// Reading a cloud assembly (cdk.out): stacks, their environments, dependencies and assets.
import * as fs from 'fs';
import * as path from 'path';

/** A CloudFormation template as synthesized. */
export interface Template {
  Parameters?: Record<string, { Type: string; Default?: unknown }>;
  Conditions?: Record<string, unknown>;
  Mappings?: Record<string, Record<string, Record<string, unknown>>>;
  Rules?: Record<string, unknown>;
  Resources: Record<string, TemplateResource>;
  Outputs?: Record<string, { Value: unknown; Export?: { Name: unknown }; Condition?: string }>;
}

/** One resource of a template. */
export interface TemplateResource {
  Type: string;
  Properties?: Record<string, unknown>;
  DependsOn?: string | string[];
  Condition?: string;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  Metadata?: Record<string, unknown>;
}

/** A stack artifact of the assembly. */
export interface StackArtifact {
  /** Artifact ID (also the display name). */
  readonly id: string;
  /** CloudFormation stack name. */
  readonly stackName: string;
  readonly account: string;
  readonly region: string;
  /** IDs of the stack artifacts this one depends on. */
  readonly dependencies: string[];
  readonly template: Template;
}

/** A read cloud assembly. */
export interface Assembly {
  readonly dir: string;
  /** Stacks in the order `cdk deploy --all` deploys them. */
  readonly stacks: StackArtifact[];
  /** The asset directory of a Lambda code object key (`<hash>.zip`), if the assembly has it. */
  assetDir(s3Key: string): string | undefined;
}

interface Manifest {
  artifacts: Record<string, {
    type: string;
    environment?: string;
    dependencies?: string[];
    properties?: { templateFile?: string; stackName?: string; file?: string };
  }>;
}

/** Read the assembly in `dir`. */
export function readAssembly(dir: string): Assembly {
  const manifest: Manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const stacks: StackArtifact[] = [];
  const assets = new Map<string, string>();
  for (const [id, a] of Object.entries(manifest.artifacts)) {
    if (a.type === 'cdk:asset-manifest') readAssetManifest(dir, a.properties!.file!, assets);
    if (a.type !== 'aws:cloudformation:stack') continue;
    const env = /^aws:\/\/([^/]+)\/(.+)$/.exec(a.environment ?? '');
    if (!env || env[1].startsWith('unknown') || env[2].startsWith('unknown')) {
      throw new Error(`stack ${id}: environment ${a.environment} is not concrete; the deploy tier needs account and region`);
    }
    stacks.push({
      id,
      stackName: a.properties?.stackName ?? id,
      account: env[1],
      region: env[2],
      dependencies: (a.dependencies ?? []).filter((d) => manifest.artifacts[d]?.type === 'aws:cloudformation:stack'),
      template: JSON.parse(fs.readFileSync(path.join(dir, a.properties!.templateFile!), 'utf8')),
    });
  }
  return { dir, stacks: deployOrder(stacks), assetDir: (key) => assets.get(key) };
}

function readAssetManifest(dir: string, file: string, into: Map<string, string>): void {
  const m = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  for (const [hash, f] of Object.entries<{ source: { path: string; packaging?: string } }>(m.files ?? {})) {
    const source = path.join(dir, f.source.path);
    if (f.source.packaging === 'zip' || fs.statSync(source, { throwIfNoEntry: false })?.isDirectory()) {
      into.set(`${hash}.zip`, source);
    }
  }
}

/**
 * Dependencies first, otherwise the manifest's order: the order `cdk deploy --all` uses when it
 * deploys one stack at a time.
 */
export function deployOrder(stacks: StackArtifact[]): StackArtifact[] {
  const byId = new Map(stacks.map((s) => [s.id, s]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: StackArtifact[] = [];
  const visit = (s: StackArtifact) => {
    if (done.has(s.id)) return;
    if (visiting.has(s.id)) throw new Error(`stack dependency cycle through ${s.id}`);
    visiting.add(s.id);
    for (const d of s.dependencies) {
      const dep = byId.get(d);
      if (!dep) throw new Error(`stack ${s.id} depends on ${d}, which is not in the assembly`);
      visit(dep);
    }
    visiting.delete(s.id);
    done.add(s.id);
    out.push(s);
  };
  stacks.forEach(visit);
  return out;
}
