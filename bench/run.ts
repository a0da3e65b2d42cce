/**
 * `npm run bench`: every benchmark, in one process, so ratios compare like with like.
 * Not part of the test run: timings are measured here and quoted, never asserted.
 */
import { benchGraph } from './graph';
import { benchOverlap } from './overlap';

const sections: Array<[string, () => string[]]> = [
  ['overlap search', benchOverlap],
  ['connectivity graph', benchGraph],
];

for (const [title, run] of sections) {
  console.log(`== ${title}`);
  for (const line of run()) console.log(line);
}
