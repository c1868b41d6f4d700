import { requirePageUser } from "@/lib/server/auth/session";

export const metadata = { title: "标签" };

export default async function Page() {
  await requirePageUser();
  return <h1 className="text-xl font-semibold">标签</h1>;
}
