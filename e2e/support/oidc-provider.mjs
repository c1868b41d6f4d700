// A real OpenID provider on loopback for the single sign-on tests: oidc-provider (a certified
// implementation, v8) with its development login pages, where any login name and any password sign
// in. The console is registered as one confidential client, as an IT department would register it:
// authorization code with PKCE, and the token endpoint's default client authentication.
//   node e2e/support/oidc-provider.mjs PORT REDIRECT_URI   (prints {discoveryUrl, clientId, clientSecret})
import Provider from "oidc-provider";

export const OIDC_CLIENT = { clientId: "chuanbo-console", clientSecret: "oidc-test-client-secret-3b9c1f2e" };

/**
 * What the provider says about a login name. The name is the subject and the preferred username;
 * `as:<name>` claims a verified email of the console's own `<name>` account (a spoof the console
 * must not follow into that account).
 */
export function claimsOf(login) {
  const spoof = /^as:(.+)$/.exec(login);
  if (spoof)
    return {
      sub: login,
      preferred_username: `spoof-${spoof[1]}`,
      name: "冒名者",
      email: `${spoof[1]}@users.chuanbo.invalid`,
      email_verified: true,
    };
  return { sub: login, preferred_username: login, name: `统一认证 ${login}`, email: `${login}@idp.example`, email_verified: true };
}

/** Starts the provider at http://127.0.0.1:<port>; resolves with its issuer and a close(). */
export async function startOidcProvider({ port, redirectUris }) {
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT.clientId,
        client_secret: OIDC_CLIENT.clientSecret,
        redirect_uris: redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        // token_endpoint_auth_method left out: client_secret_basic, OpenID Connect's default.
      },
    ],
    claims: { openid: ["sub"], profile: ["name", "preferred_username"], email: ["email", "email_verified"] },
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => claimsOf(sub) }),
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true, methods: ["S256"] },
    cookies: { keys: ["oidc-test-cookie-key-8d1e5a"] },
  });
  // Its own development warnings are not test output.
  provider.on("server_error", (_ctx, error) => console.error("oidc-provider:", error));
  const server = await new Promise((resolve, reject) => {
    const s = provider.listen(port, "127.0.0.1", () => resolve(s));
    s.once("error", reject);
  });
  return {
    issuer,
    discoveryUrl: `${issuer}/.well-known/openid-configuration`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [port, redirectUri] = process.argv.slice(2);
  // One line the tests wait for; no top-level await (a plain script for node).
  void startOidcProvider({ port: Number(port), redirectUris: [redirectUri] }).then(({ discoveryUrl }) =>
    console.log(JSON.stringify({ discoveryUrl, ...OIDC_CLIENT })),
  );
}
