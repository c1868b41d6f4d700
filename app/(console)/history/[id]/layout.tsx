import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/server/auth/session";
import { storedPush } from "@/lib/server/pushes/detail";
import type { ReactNode } from "react";

// Whether the record exists is known before anything streams (one read of the console's own
// database), so an unknown id answers 404, not a 200 whose page says so. The page's loading state
// is below this layout and the list's is in (list), so neither has been sent yet.
export default async function RecordLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  // Who asks first (a client navigation renders only the segments that change, not the layouts above).
  await requirePageUser();
  const { id } = await params;
  if (!(await storedPush(id))) notFound();
  return children;
}
