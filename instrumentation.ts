// Next calls this once when the server starts: a bad configuration stops the server there, with a
// clear message, instead of failing on every request.
export async function register() {
  // Next's documented guard (inlined at build): the config modules use Node APIs.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { serverConfig, requireAuthSecret, ConfigError } = await import("@/lib/server/config");
  const { options } = await import("@/lib/server/options");
  try {
    requireAuthSecret(serverConfig());
    options();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
