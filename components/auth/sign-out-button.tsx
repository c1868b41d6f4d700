"use client";

import { useState } from "react";

// On every signed-in page: kept to plain fetch, without the API helpers, for the size of every page's JavaScript.

/** 退出登录, and why it failed if it did. */
export function SignOutButton() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function signOut() {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      if (!response.ok) throw new Error(String(response.status));
      // A full load: nothing of the signed-in session stays in memory, and 返回 does not come back to it.
      window.location.replace("/sign-in?signed_out=1");
    } catch {
      setError("退出登录没有成功，请检查网络后再试。");
      setBusy(false);
    }
  }
  return (
    <>
      <button
        type="button"
        onClick={signOut}
        disabled={busy}
        className="rounded-md border border-slate-300 px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-60"
      >
        {busy ? "正在退出…" : "退出登录"}
      </button>
      {error && (
        <span role="alert" className="text-red-700">
          {error}
        </span>
      )}
    </>
  );
}
