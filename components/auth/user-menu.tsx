import { SignOutButton } from "@/components/auth/sign-out-button";

/** Who is signed in, with which roles (already in words), and 退出登录; rendered on the server. */
export function UserMenu({ username, name, roles }: { username: string; name: string; roles: string }) {
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm sm:ml-auto">
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
