#!/usr/bin/env node
/**
 * `cdk-private-connectivity report [cdk.out] [--svg <file>]`: prints the reachability matrix,
 * quota headroom and cost estimate of a synthesized app, and writes an SVG of its topology
 * (default: `private-connectivity.svg` in the assembly directory). Reads the
 * `private-connectivity.json` that `cdk synth` leaves in the cloud assembly.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ConnectivityReportData, REPORT_VERSION } from './document';
import { REPORT_CONTEXT_KEY, REPORT_JSON } from './register';
import { toSvg } from './svg';
import { toText } from './text';

/** Where the command writes. */
export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

const USAGE = 'usage: cdk-private-connectivity report [cdk.out] [--svg <file>]';

/** Run the command; returns the exit code. */
export function main(argv: string[], io: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) }): number {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (command !== 'report') {
    io.err(command === undefined ? USAGE : `unknown command ${JSON.stringify(command)}\n${USAGE}`);
    return 2;
  }
  let dir = 'cdk.out';
  let svgFile: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--svg') {
      svgFile = rest[++i];
      if (svgFile === undefined) {
        io.err(`--svg needs a file name\n${USAGE}`);
        return 2;
      }
    } else if (rest[i].startsWith('-')) {
      io.err(`unknown option ${JSON.stringify(rest[i])}\n${USAGE}`);
      return 2;
    } else {
      dir = rest[i];
    }
  }

  const file = path.join(dir, REPORT_JSON);
  if (!fs.existsSync(file)) {
    io.err(fs.existsSync(path.join(dir, 'manifest.json'))
      ? `${dir} holds a cloud assembly without ${REPORT_JSON}: synthesize the app again with this version of cdk-private-connectivity, and without the context ${REPORT_CONTEXT_KEY}=false`
      : `${dir} is not a cloud assembly (no manifest.json): run \`cdk synth\` first, or name the assembly directory`);
    return 1;
  }
  let report: ConnectivityReportData;
  try {
    report = JSON.parse(fs.readFileSync(file, 'utf-8')) as ConnectivityReportData;
  } catch (e) {
    io.err(`${file} is not valid JSON: ${(e as Error).message}`);
    return 1;
  }
  const failure = (report as { error?: string }).error;
  if (failure !== undefined) {
    io.err(`the synth could not write the connectivity report: ${failure}`);
    return 1;
  }
  if (report.version !== REPORT_VERSION) {
    io.err(`${file} has report version ${String(report.version)}; this command reads version ${REPORT_VERSION}`);
    return 1;
  }
  io.out(toText(report));
  const svgPath = svgFile ?? path.join(dir, 'private-connectivity.svg');
  fs.mkdirSync(path.dirname(path.resolve(svgPath)), { recursive: true });
  fs.writeFileSync(svgPath, toSvg(report));
  io.out(`\nDiagram: ${svgPath}`);
  return 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
