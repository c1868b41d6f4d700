/** The contract's error envelope (docs/console-api.md), shared by the routes and the browser. */
export type ApiErrorBody = {
  error: {
    code: string;
    message: string;
    fields?: Record<string, string>;
    upstreamCode?: number;
    requestId?: string;
  };
};
