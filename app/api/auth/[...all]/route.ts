import { handleAuthRequest } from "@/lib/server/auth/handler";

export const dynamic = "force-dynamic";

export const GET = handleAuthRequest;
export const POST = handleAuthRequest;
