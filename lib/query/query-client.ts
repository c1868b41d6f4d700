import { isServer, QueryClient } from "@tanstack/react-query";
import { ApiError } from "@/lib/api/fetch-json";

// As TanStack Query's Next.js example: one client per server request, one for the browser's life.

/**
 * Asking again (up to three times, after 1, 2 and 4 s) can help only when the network or the server
 * failed: a 401, 403, 404 or 400 says the same the next time, so it is shown at once rather than
 * after seven seconds of 正在加载 (a timeout, 408, and too many requests, 429, are asked again).
 */
export const worthRetrying = (failures: number, error: unknown) =>
  failures < 3 && !(error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429);

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Above zero, so data prefetched on the server is not refetched at once in the browser.
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // On the server, as TanStack's own default there: a render does not wait out retries.
        retry: isServer ? false : worthRetrying,
      },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

export function getQueryClient() {
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}
