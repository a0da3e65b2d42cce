/**
 * Installs the analysis into the connectivity graph: `ConnectivityGraph.explain`, and the report
 * files written into the cloud assembly at every synth. Core imports no analysis (arrows point
 * down), so the graph holds these hooks and this module fills them when the package is loaded.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildReport } from './document';
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

/** Write the JSON and Markdown report of the graph into `outdir`. */
export function writeReport(graph: ConnectivityGraph, outdir: string): void {
  if (reportDisabled(graph)) return;
  const report = buildReport(readTopology(graph));
  fs.writeFileSync(path.join(outdir, REPORT_JSON), JSON.stringify(report, undefined, 2) + '\n');
  fs.writeFileSync(path.join(outdir, REPORT_MARKDOWN), toMarkdown(report));
}

if (!ConnectivityGraph._reporters.includes(writeReport)) ConnectivityGraph._reporters.push(writeReport);
ConnectivityGraph._explainer = (graph, from, to) => {
  const ix = new ReachIndex(readTopology(graph));
  const { from: _f, to: _t, via: _v, ...answer } = explainVpcs(ix, from.node.path, to.node.path);
  return answer;
};
