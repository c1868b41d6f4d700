import { requirePageUser } from "@/lib/server/auth/session";

export const metadata = { title: "创建推送" };

export default async function Page() {
  await requirePageUser("send");
  return <h1 className="text-xl font-semibold">创建推送</h1>;
}
