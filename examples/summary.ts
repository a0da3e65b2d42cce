/**
 * Prints a short human summary of a cloud assembly: stacks, resource counts per type, warnings.
 *
 * Usage: ts-node summary.ts <cdk.out>
 */
import * as fs from 'fs';
import * as path from 'path';

interface ManifestArtifact {
  readonly type: string;
  readonly environment?: string;
  readonly properties?: { readonly templateFile?: string };
  readonly metadata?: Metadata;
  readonly additionalMetadataFile?: string;
  readonly displayName?: string;
}

type Metadata = Record<string, Array<{ type: string; data: unknown }>>;

interface ValidationReport {
  readonly pluginReports?: Array<{
    readonly pluginName?: string;
    readonly violations?: Array<{ readonly ruleName?: string; readonly description?: string; readonly severity?: string }>;
  }>;
}

function main(outDir: string): void {
  const manifest = JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf-8')) as {
    artifacts: Record<string, ManifestArtifact>;
  };
  const lines: string[] = [];
  let warnings = 0;
  let errors = 0;
  let total = 0;
  const stacks = Object.entries(manifest.artifacts).filter(([, a]) => a.type === 'aws:cloudformation:stack');
  for (const [name, artifact] of stacks) {
    const template = JSON.parse(
      fs.readFileSync(path.join(outDir, artifact.properties!.templateFile!), 'utf-8'),
    ) as { Resources?: Record<string, { Type: string }> };
    const counts = new Map<string, number>();
    for (const r of Object.values(template.Resources ?? {})) {
      counts.set(r.Type, (counts.get(r.Type) ?? 0) + 1);
    }
    const n = [...counts.values()].reduce((a, b) => a + b, 0);
    total += n;
    lines.push(`${artifact.displayName ?? name}  (${artifact.environment ?? 'unknown env'})  ${n} resources`);
    for (const [type, count] of [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
      lines.push(`    ${String(count).padStart(4)}  ${type}`);
    }
    // Annotations are in the manifest or, in newer assemblies, in a file beside the template.
    const metadata: Metadata = { ...(artifact.metadata ?? {}) };
    if (artifact.additionalMetadataFile) {
      Object.assign(metadata, JSON.parse(fs.readFileSync(path.join(outDir, artifact.additionalMetadataFile), 'utf-8')));
    }
    for (const [where, entries] of Object.entries(metadata)) {
      for (const e of entries) {
        if (e.type === 'aws:cdk:warning') {
          warnings++;
          lines.push(`    WARNING ${where}: ${String(e.data)}`);
        } else if (e.type === 'aws:cdk:error') {
          errors++;
          lines.push(`    ERROR ${where}: ${String(e.data)}`);
        }
      }
    }
  }
  // Findings of validation plugins (cdk-nag, AWS's CloudFormation validator).
  let findings = 0;
  const reportFile = path.join(outDir, 'validation-report.json');
  if (fs.existsSync(reportFile)) {
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf-8')) as ValidationReport;
    for (const plugin of report.pluginReports ?? []) {
      for (const v of plugin.violations ?? []) {
        findings++;
        lines.push(`  FINDING ${plugin.pluginName ?? 'plugin'} ${v.ruleName ?? ''} (${v.severity ?? 'error'}): ${v.description ?? ''}`);
      }
    }
  }
  console.log(
    `Example app: ${stacks.length} stacks, ${total} resources, ${warnings} warnings, ${errors} errors, ${findings} validation findings`,
  );
  console.log(lines.join('\n'));
  if (errors > 0 || findings > 0) process.exitCode = 1;
}

main(process.argv[2] ?? 'cdk.out');
