"use client";

import { forwardRef, useEffect } from "react";
import { PreflightNotice } from "@/components/compose/preflight-notice";
import { preflightView, stopsAtComposer, type PreflightView } from "@/lib/compose/preflight";
import { usePreflight, type PreflightDraft } from "@/lib/pushes/use-preflight";

// The server's verdict on the draft (send, hold, refuse), asked once groups are chosen: this code
// loads then, not with the page. The form hears each verdict (for 确认 and for where 发送… stops).

export type Checked = { view: PreflightView; stops: boolean };

type Props = {
  draft: PreflightDraft;
  /** Moves when a send (or its failure) was recorded: the same draft is asked about again. */
  round: number;
  onChecked: (checked: Checked | null) => void;
};

export const PreflightCheck = forwardRef<HTMLDivElement, Props>(function PreflightCheck({ draft, round, onChecked }, ref) {
  const preflight = usePreflight(draft, round);
  const view = preflightView(preflight);
  const key = JSON.stringify(view);
  useEffect(() => {
    const current = JSON.parse(key) as PreflightView;
    onChecked({ view: current, stops: stopsAtComposer(current) });
  }, [key, onChecked]);
  // No groups any more: no verdict.
  useEffect(() => () => onChecked(null), [onChecked]);
  return <PreflightNotice ref={ref} view={view} onRetry={preflight.retry} />;
});
