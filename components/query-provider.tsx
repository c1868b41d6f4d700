"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { getQueryClient } from "@/lib/query/query-client";
import type { ReactNode } from "react";

// Only around the pages that cache on the client, so the others (the chrome, sign-in, a group's page)
// ship none of react-query. One browser-wide client (lib/query/query-client.ts): its cache outlives
// each page's provider. A page that prefetches on the server adds react-query's HydrationBoundary inside.

export function QueryProvider({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={getQueryClient()}>{children}</QueryClientProvider>;
}
