"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { getQueryClient } from "@/lib/query/query-client";
import type { ReactNode } from "react";

// Only around what caches on the client (用户管理, 审计日志, and the template dialogs when they load),
// so every other page ships none of react-query. One browser-wide client (lib/query/query-client.ts):
// its cache outlives each provider.

export function QueryProvider({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={getQueryClient()}>{children}</QueryClientProvider>;
}
