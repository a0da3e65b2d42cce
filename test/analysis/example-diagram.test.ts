/**
 * The README's diagram (docs/example-topology.svg) is the example app's: regenerate it with
 * `npx projen docs:diagram` when the example changes. This test fails when it is stale.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { addExampleEstate } from '../../examples/estate';
import { main } from '../../src/analysis/cli';

test('docs/example-topology.svg is the example app\'s diagram', () => {
  // GIVEN: the example app, synthesized in-process (its topology does not depend on the CLI)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-example-'));
  const app = new App({ outdir: path.join(dir, 'cdk.out'), context: { 'aws:cdk:disable-creation-stack-traces': true } });
  addExampleEstate(app);
  app.synth();

  // WHEN
  const svg = path.join(dir, 'example-topology.svg');
  const code = main(['report', path.join(dir, 'cdk.out'), '--svg', svg], { out: () => undefined, err: (l) => { throw new Error(l); } });

  // THEN
  expect(code).toBe(0);
  const committed = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'example-topology.svg'), 'utf-8');
  const fresh = fs.readFileSync(svg, 'utf-8');
  fs.rmSync(dir, { recursive: true, force: true });
  if (fresh !== committed) {
    throw new Error('docs/example-topology.svg is stale: run `npx projen docs:diagram` and commit the result');
  }
});

test('no edge label of the example diagram covers a box or another label', () => {
  const svg = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'example-topology.svg'), 'utf-8');
  const rects = [...svg.matchAll(/<rect x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="([\d.]+)" rx="(\d+)"/g)]
    .map((m) => ({ x: +m[1], y: +m[2], w: +m[3], h: +m[4], rx: +m[5] }));
  const boxes = rects.filter((r) => r.rx === 4 || r.rx === 14); // VPCs, services
  const labels = rects.filter((r) => r.rx === 3);
  const overlaps = (a: typeof rects[0], b: typeof rects[0]) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  expect(boxes).toHaveLength(27); // 16 VPCs, 11 services (one of them cross-region)
  expect(labels.length).toBeGreaterThan(0);
  const clashes = labels.flatMap((l, i) => [...boxes, ...labels.slice(i + 1)].filter((b) => overlaps(l, b)).map((b) => [l, b]));
  expect(clashes).toEqual([]);
});
