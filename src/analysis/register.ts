/**
 * Installs the analysis into the connectivity graph: `ConnectivityGraph.explain`, and the report
 * files written into the cloud assembly at every synth. Core imports no analysis (arrows point
 * down), so the graph holds these hooks and this module fills them when the package is loaded.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildReport, REPORT_VERSION } from './document';
import { toMarkdown } from './markdown';
import { explainVpcs, ReachIndex } from './reachability';
import { readTopology } from './topology';
import { ConnectivityGraph } from '../core/graph';

/** Context key: `false` turns the report files off. */
export const REPORT_CONTEXT_KEY = 'cdk-private-connectivity:report';
/** The report files, next to manifest.json. */
export const REPORT_JSON = 'private-connectivity.json';
export const REPORT_MARKDOWN = 'private-connectivity.md';

/** Whether the context turns the report off (`false`, or the string `"false"` from `-c`). */
export function reportDisabled(graph: ConnectivityGraph): boolean {
  const v: unknown = graph.node.tryGetContext(REPORT_CONTEXT_KEY);
  return v === false || v === 'false';
}

/**
 * Write the JSON and Markdown report of the graph into `outdir`. The report describes the app and
 * never decides whether it synthesizes: a failure to write it is said on stderr and in the JSON
 * file, and the synth goes on.
 */
export function writeReport(graph: ConnectivityGraph, outdir: string, stderr: (line: string) => void = (l) => process.stderr.write(l + '\n')): void {
  if (reportDisabled(graph)) return;
  try {
    const report = buildReport(readTopology(graph));
    fs.writeFileSync(path.join(outdir, REPORT_JSON), JSON.stringify(report, undefined, 2) + '\n');
    fs.writeFileSync(path.join(outdir, REPORT_MARKDOWN), toMarkdown(report));
  } catch (e) {
    // Errors from node's fs may come from another realm (instanceof Error fails): read the message.
    const message = typeof (e as { message?: unknown })?.message === 'string' ? (e as Error).message : String(e);
    stderr(`cdk-private-connectivity: the connectivity report could not be written (${message}); the synth goes on. Turn the report off with the context ${REPORT_CONTEXT_KEY}=false.`);
    try {
      fs.writeFileSync(path.join(outdir, REPORT_JSON), JSON.stringify({ version: REPORT_VERSION, error: message }, undefined, 2) + '\n');
    } catch {
      // the directory itself is unwritable: stderr has said it
    }
  }
}

if (!ConnectivityGraph._reporters.includes(writeReport)) ConnectivityGraph._reporters.push(writeReport);
ConnectivityGraph._explainer = (graph, from, to) => {
  const ix = new ReachIndex(readTopology(graph));
  const r = explainVpcs(ix, from.node.path, to.node.path);
  return { reachable: r.reachable, status: r.status, path: r.path, reasons: r.reasons, notes: r.notes, ports: r.ports };
};
