"use client";

import { onDemand } from "@/components/ui/on-demand";

/**
 * `Alert` for a message that only appears after something happened (a send's answer, a preset's
 * notice): its code comes when it is first shown. The console's error boundary carries its own copy,
 * and Turbopack would otherwise put a second one in each page that imports it.
 */
export const AlertOnDemand = onDemand(() => import("@/components/ui/alert").then((m) => m.Alert));
