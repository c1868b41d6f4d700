import { requirePageUser } from "@/lib/server/auth/session";

export const metadata = { title: "推送记录" };

export default async function Page() {
  await requirePageUser();
  return <h1 className="text-xl font-semibold">推送记录</h1>;
}
