"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ComposeForm } from "@/components/compose/compose-form";
import { AlertOnDemand } from "@/components/ui/alert-on-demand";
import { Button } from "@/components/ui/button";
import { focusWhenShown } from "@/components/ui/focus";
import { onDemand } from "@/components/ui/on-demand";
import { clearDraft, hasSharedDraft, loadDraft, newDraft, newPushSlot, saveDraft, type Draft } from "@/lib/compose/draft";
import { valuesFromPush } from "@/lib/compose/values";
import type { PresetAsk } from "@/components/compose/preset-draft";
import type { DraftStore } from "@/components/compose/use-compose-send";
import type { PublicOptions } from "@/lib/validations/options";

// /compose: the draft from localStorage (or a preset from ?groups= / ?from=), then the form or,
// once sent, the result. The draft lives in a ref: the form writes it on every change without
// re-rendering this component.

// Shown only after a send (or a reload after one): not part of the first load.
const SendResult = onDemand(() => import("@/components/compose/send-result").then((m) => m.SendResult));
// Asked only when a link's preset would replace part of an unsent draft.
const PresetQuestion = onDemand(() => import("@/components/compose/preset-question").then((m) => m.PresetQuestion));

type Starting = { draft: Draft; notice: string | null; ask?: PresetAsk };

async function startingDraft(params: URLSearchParams, slot: string, signal: AbortSignal): Promise<Starting> {
  // A draft from before drafts were each person's: handed over once (its code loads only then).
  if (hasSharedDraft())
    await import("@/lib/compose/draft-work").then(
      (m) => m.adoptSharedDraft(slot),
      () => undefined,
    );
  const saved = loadDraft(slot);
  // An empty "groups=" is no preset (as before): the saved draft opens without the preset's code.
  if (!params.get("from") && !params.get("groups")) return { draft: saved ?? newDraft(), notice: null };
  // Its code not coming (offline) is a ChunkLoadError, which the page's error boundary says in Chinese.
  const { presetDraft } = await import("@/components/compose/preset-draft");
  const preset = await presetDraft(params, saved, signal);
  return preset ?? { draft: saved ?? newDraft(), notice: null };
}

/**
 * `options` come with the page (server configuration), so the form needs no second round trip;
 * `username`, the person signed in, names their draft's slot.
 */
export function Composer({ options, username }: { options: PublicOptions; username: string }) {
  const slot = newPushSlot(username);
  // The address as the visit began: a link's preset applies once, and later changes are our own replace().
  const params = useSearchParams();
  const [preset] = useState(() => new URLSearchParams(params.toString()));
  const router = useRouter();
  const draftRef = useRef<Draft | null>(null);
  const [view, setView] = useState<
    | { kind: "loading" }
    | { kind: "error"; message: string }
    | ({ kind: "ask"; ask: PresetAsk } & Starting)
    | { kind: "ready"; version: number; sent: boolean }
  >({ kind: "loading" });
  const [notice, setNotice] = useState<string | null>(null);

  const store = useMemo<DraftStore>(
    () => ({
      current: () => draftRef.current ?? newDraft(),
      update: (patch) => {
        draftRef.current = { ...(draftRef.current ?? newDraft()), ...patch };
        saveDraft(draftRef.current, slot);
      },
    }),
    [slot],
  );

  // After 再发一条 or 清空草稿 the button pressed is gone with what held it: 推送名字 takes the focus.
  const startOver = (draft: Draft) => {
    setNotice(null);
    start(draft);
    // The new form's 推送名字, not the old one's (清空草稿 replaces a form that is still on the page).
    const old = document.getElementById("name");
    focusWhenShown(() => {
      const name = document.getElementById("name");
      return name === old ? null : name;
    });
  };

  const start = useCallback(
    (draft: Draft) => {
      draftRef.current = draft;
      saveDraft(draft, slot);
      setView((v) => ({ kind: "ready", version: (v.kind === "ready" ? v.version : 0) + 1, sent: draft.result !== null }));
    },
    [slot],
  );

  useEffect(() => {
    const controller = new AbortController();
    const hadPreset = preset.has("from") || preset.has("groups");
    startingDraft(preset, slot, controller.signal).then(
      ({ draft, notice, ask }) => {
        if (ask) setView({ kind: "ask", ask, draft, notice });
        // The whole form's first render, in a transition: React renders it in slices between which
        // the browser stays responsive, rather than in one long task as the page opens.
        else
          startTransition(() => {
            start(draft);
            setNotice(notice);
          });
        // The preset is now the draft: a reload must restore the draft, not apply the link again.
        if (hadPreset) router.replace("/compose");
      },
      (error: Error) => {
        if (error.name === "AbortError") return;
        setView({ kind: "error", message: error.message });
      },
    );
    return () => controller.abort();
  }, [preset, router, slot, start]);

  if (view.kind === "loading") return <p className="py-10 text-center text-sm text-slate-500">正在载入草稿…</p>;
  if (view.kind === "ask") {
    const { ask, draft, notice } = view;
    return (
      <PresetQuestion
        ask={ask}
        onReplace={() => {
          startOver(draft);
          setNotice(notice);
        }}
        onKeep={() => startOver(ask.kept)}
      />
    );
  }
  if (view.kind === "error") {
    return (
      <AlertOnDemand
        variant="error"
        title={`无法载入要复制的推送或用户组：${view.message}`}
        action={
          <Button
            onClick={() => {
              start(loadDraft(slot) ?? newDraft());
              router.replace("/compose");
            }}
          >
            改为打开当前草稿
          </Button>
        }
      />
    );
  }
  const { result } = store.current();
  return (
    <>
      {notice && (
        <AlertOnDemand variant="info" className="mb-4">
          {notice}
        </AlertOnDemand>
      )}
      {view.sent && result ? (
        <SendResult
          result={result}
          options={options}
          onAgain={() => startOver(newDraft(valuesFromPush(result.push), result.groups))}
          onNew={() => startOver(newDraft())}
        />
      ) : (
        <ComposeForm
          key={view.version}
          store={store}
          options={options}
          onRecorded={() => router.refresh()}
          onSent={() => {
            // The preset's notice is past news once the push is sent: the result replaces it, and
            // takes the focus from the dialog's button, gone with the form.
            setNotice(null);
            setView((v) => (v.kind === "ready" ? { ...v, sent: true } : v));
            focusWhenShown(() => document.getElementById("result-heading")); // SendResult's heading
          }}
          onClear={() => {
            clearDraft(slot);
            startOver(newDraft());
          }}
        />
      )}
    </>
  );
}
