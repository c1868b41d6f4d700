import { serverConfig } from "@/lib/server/config";
import { handleVendorRequest } from "@/lib/simulator/handler";

// The vendor's API, simulated, served only while no real upstream is configured.

export const dynamic = "force-dynamic";

async function handle(request: Request, { params }: { params: Promise<{ action: string }> }) {
  if (serverConfig().upstream.mode !== "simulator") return new Response("Not Found", { status: 404 });
  return handleVendorRequest((await params).action, request);
}

export { handle as GET, handle as POST };
