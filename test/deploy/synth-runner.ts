// Synthesizes several apps in one process (aws-cdk-lib is loaded once): argv[2] is a JSON file
// of jobs { entry, out, context }. Each job runs its entry with CDK_OUTDIR and CDK_CONTEXT_JSON
// set, as the CDK CLI would.
import * as fs from 'fs';

interface Job {
  readonly entry: string;
  readonly out: string;
  readonly context: Record<string, unknown>;
  readonly cwd: string;
}

const jobs: Job[] = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
for (const job of jobs) {
  process.env.CDK_OUTDIR = job.out;
  process.env.CDK_CONTEXT_JSON = JSON.stringify(job.context);
  process.chdir(job.cwd);
  delete require.cache[require.resolve(job.entry)];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(job.entry);
}
