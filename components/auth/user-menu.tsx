import { SignOutButton } from "@/components/auth/sign-out-button";
import type { ReactNode } from "react";

/** Who is signed in, with which roles (already in words), and 退出登录; rendered on the server. `children` go first (通知). */
export function UserMenu({ username, name, roles, children }: { username: string; name: string; roles: string; children?: ReactNode }) {
  return (
    <div className="ml-auto flex items-center gap-3 text-sm">
      {children}
      <span className="text-slate-700">
        <span className="font-medium" title={username}>
          {name}
        </span>
        <span className="ml-1 text-slate-500">（{roles}）</span>
      </span>
      <SignOutButton />
    </div>
  );
}
