import { requirePageUser } from "@/lib/server/auth/session";

export const metadata = { title: "用户组" };

export default async function Page() {
  await requirePageUser();
  return <h1 className="text-xl font-semibold">用户组</h1>;
}
