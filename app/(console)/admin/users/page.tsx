import { UserAdmin } from "@/components/admin/user-admin";
import { QueryProvider } from "@/components/query-provider";
import { requirePageUser } from "@/lib/server/auth/session";

export const metadata = { title: "用户管理" };

export default async function Page() {
  const user = await requirePageUser("admin");
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">用户管理</h1>
      <QueryProvider>
        <UserAdmin me={user.username} />
      </QueryProvider>
    </div>
  );
}
