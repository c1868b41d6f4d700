"use client";

import { useEffect, useState } from "react";
import { countdownText } from "@/lib/pushes/schedule";

// Its own module so the list's rows do not bring the detail page's 取消 / 改时间 actions with them.

/** 还有 5 分钟, ticking every second. */
export function Countdown({ at }: { at: string }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  // Rendered first on the server: the browser's clock may be a second on, and corrects it at its first tick.
  return (
    <span className="tabular-nums" suppressHydrationWarning>
      {countdownText(new Date(at), now)}
    </span>
  );
}
