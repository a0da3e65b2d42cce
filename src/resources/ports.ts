/** Port ranges of a resource configuration (internal): parsing, checks and security-group ports. */
import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { IConstruct } from 'constructs';
import { fail } from '../core/errors';
import { Rules } from '../core/rules';
import { show, warn } from '../core/warnings';

/** One parsed port range. */
export interface PortRange {
  readonly from: number;
  readonly to: number;
}

// CreateResourceConfiguration (VPC Lattice API Reference): PortRange pattern ((\d{1,5}\-\d{1,5})|(\d+)),
// "TCP port ranges ... (for example: 1-65535)".
const PORT_RANGE = /^(\d{1,5})(?:-(\d{1,5}))?$/;

/** Parse and check port ranges; token entries are skipped with a warning. Throws `resource-port-range-invalid`. */
export function parsePortRanges(scope: IConstruct, prop: string, ranges: readonly string[]): PortRange[] {
  if (ranges.length === 0) {
    fail(scope, Rules.RESOURCE_PORT_RANGE_INVALID, {
      prop,
      received: '[]',
      rule: 'a resource configuration accepts requests only on the ports it lists',
    });
  }
  const parsed: PortRange[] = [];
  ranges.forEach((r, i) => {
    if (Token.isUnresolved(r)) {
      warn(scope, Rules.RESOURCE_UNCHECKED, {
        prop: `${prop}[${i}]`,
        received: show(r),
        rule: 'a port range known only at deploy time is not checked, and no security-group rule admits it',
      });
      return;
    }
    const m = PORT_RANGE.exec(r);
    const from = m ? Number(m[1]) : NaN;
    const to = m ? Number(m[2] ?? m[1]) : NaN;
    if (!m || from < 1 || to > 65535 || from > to) {
      fail(scope, Rules.RESOURCE_PORT_RANGE_INVALID, {
        prop: `${prop}[${i}]`,
        received: show(r),
        rule: 'a port range is a TCP port or a range of ports from 1 to 65535, low-high (VPC Lattice CreateResourceConfiguration)',
        fix: r.includes(',') ? `Give each range as its own entry: ${JSON.stringify(r.split(',').map((s) => s.trim()))}.` : undefined,
      });
    }
    parsed.push({ from, to });
  });
  return parsed;
}

/** The security-group port of a range. */
export function tcpPort(r: PortRange): ec2.Port {
  return r.from === r.to ? ec2.Port.tcp(r.from) : ec2.Port.tcpRange(r.from, r.to);
}

/** The ports a list of ranges covers, or undefined when that is more than `max` ports (the graph then records every port). */
export function expandPorts(ranges: readonly PortRange[], max = 1024): number[] | undefined {
  const ports = new Set<number>();
  for (const r of ranges) {
    if (r.to - r.from + 1 + ports.size > max) return undefined;
    for (let p = r.from; p <= r.to; p++) ports.add(p);
  }
  return [...ports].sort((a, b) => a - b);
}

/** `5432` or `8000-8010`, for messages and descriptions. */
export function describeRanges(ranges: readonly PortRange[]): string {
  return ranges.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`)).join(', ');
}
