import { AdminCards, EditorCards, SupervisorCards } from "@/components/home/home-sections";
import { requirePageUser } from "@/lib/server/auth/session";
import { homeFor } from "@/lib/server/home";

export const metadata = { title: "首页" };

type Props = { searchParams: Promise<{ pending?: string | string[] }> };

// Each role's first look, read from the stores on the server: a supervisor what waits for approval
// and what went out; an editor what waits (scheduled or for approval) and how their pushes ended;
// an admin sign-in failures and user changes. A user with several roles sees each part.
export default async function Home({ searchParams }: Props) {
  const user = await requirePageUser();
  const { pending } = await searchParams;
  const home = await homeFor(user, typeof pending === "string" ? pending : undefined);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">首页</h1>
      <div className="grid gap-4 lg:grid-cols-2">
        {home.supervisor && <SupervisorCards supervisor={home.supervisor} />}
        {home.editor && <EditorCards editor={home.editor} />}
        {home.admin && <AdminCards admin={home.admin} />}
      </div>
    </div>
  );
}
