import { roleLayout } from "@/lib/server/auth/session";

export default roleLayout();
