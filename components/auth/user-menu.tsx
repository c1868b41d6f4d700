"use client";

import { useState } from "react";

// On every page: kept to plain fetch, without the API helpers, for the size of every page's JavaScript.

/** Who is signed in, with which roles (already in words), and 退出登录. */
export function UserMenu({ username, name, roles }: { username: string; name: string; roles: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function signOut() {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      if (!response.ok) throw new Error(String(response.status));
      // A full load: nothing of the signed-in session stays in memory, and 返回 does not come back to it.
      window.location.replace("/sign-in");
    } catch {
      setError("退出登录没有成功，请检查网络后再试。");
      setBusy(false);
    }
  }
  return (
    <div className="ml-auto flex items-center gap-3 text-sm">
      <span className="text-slate-700">
        <span className="font-medium" title={username}>
          {name}
        </span>
        <span className="ml-1 text-slate-500">（{roles}）</span>
      </span>
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
    </div>
  );
}
