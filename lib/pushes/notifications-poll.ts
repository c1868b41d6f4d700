import { useSyncExternalStore } from "react";
import type { Notifications } from "@/lib/pushes/notifications";

// One poll of GET /api/notifications per page, shared by the header's 通知 and the 待审批 count: it
// runs while either is on screen, skips hidden tabs, and keeps the last answer when a poll fails.

let state: Notifications | null = null;
let every = 30_000;
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

export async function refreshNotifications(): Promise<void> {
  if (document.visibilityState === "hidden") return;
  try {
    const response = await fetch("/api/notifications", { headers: { accept: "application/json" } });
    if (!response.ok) return;
    state = (await response.json()) as Notifications;
    listeners.forEach((listener) => listener());
  } catch {
    // Offline for a moment: the next poll tries again.
  }
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    void refreshNotifications();
    timer = setInterval(() => void refreshNotifications(), every);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    clearInterval(timer);
    timer = undefined;
  };
}

/** The latest answer (null until the first arrives); `pollMs` comes from the server's configuration. */
export function useNotifications(pollMs: number): Notifications | null {
  every = pollMs;
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => null,
  );
}
