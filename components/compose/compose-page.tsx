"use client";

import { Composer } from "@/components/compose/composer";
import { onDemand } from "@/components/ui/on-demand";
import type { PublicOptions } from "@/lib/validations/options";

// A new push, or (rarely) a scheduled one changed in place: that one's code loads only when asked for.
const EditComposer = onDemand(
  () => import("@/components/compose/edit-composer").then((m) => m.EditComposer),
  <p className="py-10 text-center text-sm text-slate-500">正在载入要修改的推送…</p>,
);

export function ComposePage(props: { editId: string | undefined; options: PublicOptions; username: string }) {
  const { editId, options, username } = props;
  return editId ? <EditComposer id={editId} options={options} username={username} /> : <Composer options={options} username={username} />;
}
