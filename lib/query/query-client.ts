import { isServer, QueryClient } from "@tanstack/react-query";

// As TanStack Query's Next.js example: one client per server request, one for the browser's life.

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Above zero, so data prefetched on the server is not refetched at once in the browser.
        staleTime: 30_000,
        refetchOnWindowFocus: false,
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
