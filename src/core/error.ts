// No imports: every layer, `src/net` included, throws this class.

/**
 * The one error class this library throws.
 *
 * Its message names the construct path, the prop, the value received, the rule and the fix; its
 * `ruleId` is the catalogue ID (see `docs/validations.md`).
 */
export class ConnectivityError extends Error {
  /** Catalogue ID of the rule that was broken. */
  public readonly ruleId: string;

  constructor(ruleId: string, message: string) {
    super(message);
    this.name = 'ConnectivityError';
    this.ruleId = ruleId;
    Object.setPrototypeOf(this, ConnectivityError.prototype);
  }
}

