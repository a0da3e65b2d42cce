/** What a `PrivateLinkService` records of the endpoints of this app that connect to it (internal). */
import { IConstruct } from 'constructs';

/** An endpoint of this app that connects to a `PrivateLinkService`. */
export interface PrivateLinkConsumer {
  /** The endpoint construct. */
  readonly endpoint: IConstruct;
  /** The endpoint's account, when literal. */
  readonly account?: string;
}
