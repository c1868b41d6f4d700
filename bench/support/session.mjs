// Every page and API route needs a signed-in user: the benchmarks sign in as a person would.

/** Signs in over HTTP and returns the session as a Cookie header value. */
export async function signIn(base, username, password) {
  const response = await fetch(`${base}/api/auth/sign-in/username`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`sign-in of ${username} failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

/** The same session in a browser context, for page benchmarks. */
export async function addSession(context, base, cookieHeader) {
  const cookies = cookieHeader.split("; ").map((pair) => {
    const [name, ...value] = pair.split("=");
    return { name, value: value.join("="), url: base };
  });
  await context.addCookies(cookies);
}

/** The simulator's demo editor (seeded only while the simulator is in use). */
export const DEMO_EDITOR = ["demo-editor", "chuanbo-demo"];
