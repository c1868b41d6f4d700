// What can go wrong talking to the vendor, as values the routes map to the contract's statuses.

export type UpstreamErrorKind = "rejected" | "bad_response" | "unavailable" | "timeout";

export class UpstreamError extends Error {
  override name = "UpstreamError";
  constructor(
    readonly kind: UpstreamErrorKind,
    message: string,
    readonly requestId: string,
    /** The vendor's own `code`, only for `rejected`. */
    readonly upstreamCode?: number,
    /**
     * Whether the vendor may have acted on the request anyway: true unless it said no (code != 0)
     * or the connection was refused. A push with this set must be checked, never resent blindly.
     */
    readonly maybeDelivered = true,
  ) {
    super(message);
  }
}
