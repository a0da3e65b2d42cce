/**
 * `npm run bench`: every benchmark, in one process, so ratios compare like with like.
 * Not part of the test run: timings are measured here and quoted, never asserted.
 */
import { benchGraph } from './graph';
import { benchOverlap } from './overlap';
import { benchSynth } from './synth';

const sections: Array<[string, () => string[]]> = [
  ['overlap search', benchOverlap],
  ['connectivity graph', benchGraph],
  ['synth: constructs vs hand-written L1', () => benchSynth()],
];

for (const [title, run] of sections) {
  console.log(`== ${title}`);
  for (const line of run()) console.log(line);
}
