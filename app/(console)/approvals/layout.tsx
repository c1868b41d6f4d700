import { requirePageUser } from "@/lib/server/auth/session";
import type { ReactNode } from "react";

// Who may decide is checked here, above the page's loading skeleton: in the page, the check would
// come after the skeleton's 200 had gone out, and the refusal could no longer be a 403.
export default async function Layout({ children }: { children: ReactNode }) {
  await requirePageUser("approve");
  return children;
}
