// Next calls this once when the server starts: a bad configuration stops it there, with a clear
// message, instead of failing on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { serverConfig } = await import("@/lib/server/config");
  const { options } = await import("@/lib/server/options");
  serverConfig();
  options();
}
