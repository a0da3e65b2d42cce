import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import * as targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import { PeeredVpcPair, PrivateLinkEndpoint, PrivateLinkService } from '../../src';
import { main } from '../../src/analysis/cli';
import { stackIn, vpcIn } from '../peering/helpers';

const AZ_IDS = [{ name: 'us-east-1a', id: 'use1-az1' }, { name: 'us-east-1b', id: 'use1-az2' }];

function run(argv: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('cdk-private-connectivity report', () => {
  let dir: string;
  beforeAll(() => {
    // GIVEN: a real cloud assembly: a chain A–B–C, and C consuming a service in A
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-cli-'));
    const app = new App({ outdir: path.join(dir, 'cdk.out') });
    const s = stackIn(app, 'Net');
    const [a, b, c] = [vpcIn(s, 'A', '10.0.0.0/16'), vpcIn(s, 'B', '10.1.0.0/16'), vpcIn(s, 'C', '10.2.0.0/16')];
    new PeeredVpcPair(s, 'AB', { requester: a, accepter: b });
    new PeeredVpcPair(s, 'BC', { requester: b, accepter: c });
    const service = new PrivateLinkService(s, 'Svc', {
      vpc: a,
      listeners: [{ port: 5432, targets: [new targets.IpTarget('10.0.0.10')] }],
      availabilityZoneIds: AZ_IDS,
    });
    new PrivateLinkEndpoint(s, 'Client', { vpc: c, service, availabilityZoneIds: AZ_IDS });
    app.synth();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('prints the matrix, why not, quota headroom and the estimate, and writes the SVG', () => {
    // WHEN
    const { code, out, err } = run(['report', path.join(dir, 'cdk.out')]);

    // THEN
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('[1] Net/A  111111111111 · us-east-1  10.0.0.0/16');
    const matrix = out.split('\n').filter((l) => /^\[\d\]\s/.test(l));
    expect(matrix.map((l) => l.trim().split(/\s{2,}|\s+(?=yes|no|-)/).slice(1).join(' ').replace(/\s+/g, ' '))).toEqual([
      '- yes no',
      'yes - yes',
      'yes :5432 yes -',
    ]);
    expect(out).toMatch(/Net\/A -> Net\/C \(unreachable\)\n {4}- VPC peering is not transitive: Net\/A–Net\/B and Net\/B–Net\/C are peered/);
    expect(out).toMatch(/\n {4}- PrivateLink is one-directional: Net\/C consumes a service of Net\/A/);
    expect(out).toContain('Quota headroom (fullest first)');
    expect(out).toMatch(/\n\s+2\/50 {2}active VPC peering connections per VPC: Net\/B\n/);
    expect(out).toMatch(/Cost: USD \d+\.\d\d a month before traffic \(Estimate: /);
    const svg = fs.readFileSync(path.join(dir, 'cdk.out', 'private-connectivity.svg'), 'utf-8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    for (const name of ['Net/A', 'Net/B', 'Net/C', 'PrivateLink :5432']) expect(svg).toContain(`>${name}<`);
  });

  test('--svg writes the diagram where asked', () => {
    const target = path.join(dir, 'out', 'topology.svg');
    expect(run(['report', path.join(dir, 'cdk.out'), '--svg', target]).code).toBe(0);
    expect(fs.existsSync(target)).toBe(true);
  });

  test.each([
    [[], 2, /^usage: cdk-private-connectivity report/],
    [['draw'], 2, /unknown command "draw"/],
    [['report', '--png'], 2, /unknown option "--png"/],
    [['report', 'x', '--svg'], 2, /--svg needs a file name/],
  ])('%j exits %i', (argv, code, message) => {
    const r = run(argv as string[]);
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
  });

  test('a directory that is not an assembly, or an assembly without the report, is named with what to do', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-cli-empty-'));
    expect(run(['report', empty])).toMatchObject({ code: 1, err: expect.stringMatching(/is not a cloud assembly \(no manifest.json\): run `cdk synth` first/) });
    fs.writeFileSync(path.join(empty, 'manifest.json'), '{}');
    expect(run(['report', empty])).toMatchObject({ code: 1, err: expect.stringMatching(/without private-connectivity.json: synthesize the app again .* without the context cdk-private-connectivity:report=false/) });
    fs.writeFileSync(path.join(empty, 'private-connectivity.json'), JSON.stringify({ version: 1, error: 'boom' }));
    expect(run(['report', empty])).toMatchObject({ code: 1, err: 'the synth could not write the connectivity report: boom' });
    fs.rmSync(empty, { recursive: true, force: true });
  });
});
