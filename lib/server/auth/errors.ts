// Thrown by the session guard; withErrors (lib/server/http.ts) answers it in the contract's envelope.
export class AccessError extends Error {
  override name = "AccessError";
  constructor(
    readonly status: 401 | 403 | 415,
    readonly code: "unauthenticated" | "forbidden" | "unsupported_media_type",
    message: string,
  ) {
    super(message);
  }
}
