/**
 * The README's diagram (docs/example-topology.svg) is the example app's: regenerate it with
 * `npx projen docs:diagram` when the example changes. This test fails when it is stale.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { addEndpointsExample } from '../../examples/endpoints';
import { addPeeringExample } from '../../examples/peering';
import { addPrivateLinkExample } from '../../examples/privatelink';
import { main } from '../../src/analysis/cli';

test('docs/example-topology.svg is the example app\'s diagram', () => {
  // GIVEN: the example app, synthesized in-process (its topology does not depend on the CLI)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-example-'));
  const app = new App({ outdir: path.join(dir, 'cdk.out'), context: { 'aws:cdk:disable-creation-stack-traces': true } });
  addEndpointsExample(app);
  addPeeringExample(app);
  addPrivateLinkExample(app);
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
