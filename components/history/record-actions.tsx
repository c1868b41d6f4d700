"use client";

import { Loading, onDemand } from "@/components/ui/on-demand";

// 取消定时发送 and 修改时间 load only on a record that waits for its time (few do), after the page is up.
export const ScheduledActions = onDemand(
  () => import("@/components/history/scheduled-actions").then((m) => m.ScheduledActions),
  <Loading />,
);
