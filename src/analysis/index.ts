// The analysis reads the connectivity graph and creates nothing. Loading it installs
// `ConnectivityGraph.explain` and the report written at synth (register.ts); its public surface is
// the `ReachabilityAnswer` of core and the constants below.
import { REPORT_CONTEXT_KEY, REPORT_JSON, REPORT_MARKDOWN } from './register';

/** Names of the connectivity report that every synth writes into the cloud assembly. */
export class ConnectivityReport {
  /** Context key: set it to `false` to write no report files. */
  public static readonly CONTEXT_KEY: string = REPORT_CONTEXT_KEY;
  /** The JSON report, next to `manifest.json`. */
  public static readonly JSON_FILE: string = REPORT_JSON;
  /** The Markdown report (with a Mermaid diagram), next to `manifest.json`. */
  public static readonly MARKDOWN_FILE: string = REPORT_MARKDOWN;

  private constructor() {}
}
