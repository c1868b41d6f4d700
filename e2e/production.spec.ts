import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startConsole } from "./support/console-process";
import { consoleDir } from "./support/server-set";
import { signedIn } from "./support/signed-in";

// The shippable build and backups: what an operator runs, started the way they would start it.

test("the standalone folder runs on its own: signs in over HTTP, serves a page and its static files, keeps the 413 and the request id", async () => {
  // npm run build ends with this; run again (it is idempotent) so that a bare `next build` suffices too.
  execFileSync(process.execPath, ["scripts/standalone.mjs"], { stdio: "pipe" });
  const server = await startConsole("standalone", { standalone: true });
  try {
    const request = await signedIn(server.url, "demo-editor");
    const page = await request.get("/groups");
    expect(page.status()).toBe(200);
    const html = await page.text();
    expect(html).toContain("用户组");
    expect(page.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    // The browser's files were copied in place: a script the page names is served.
    const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeTruthy();
    expect((await request.get(script!)).status()).toBe(200);
    const api = await request.get("/api/groups?size=5");
    expect(api.status()).toBe(200);
    expect((await api.json()).records.length).toBeGreaterThan(0);
    // server.mjs, not Next's own server.js: a Content-Length past 64 KB is refused before it is read.
    const large = await fetch(`${server.url}/api/pushes`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(65 * 1024) },
      body: "x".repeat(65 * 1024),
    });
    expect(large.status).toBe(413);
    await request.dispose();
    expect(server.log()).toContain('"standalone":true');
  } finally {
    await server.stop();
  }
});

test("npm run backup copies a live database, writes still in its -wal included; a console on the copy signs in an account made just before", async () => {
  test.setTimeout(120_000);
  const live = await startConsole("backup-live");
  const target = path.resolve(consoleDir, "backup-copy.sqlite");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(target + suffix, { force: true });
  try {
    const admin = await signedIn(live.url, "demo-admin");
    const created = await admin.post("/api/admin/users", {
      data: { username: "backup-check", name: "备份核对", roles: ["editor"], password: "backup-test-password" },
    });
    expect(created.status()).toBe(201);
    await admin.dispose();
    // While the console runs, its last writes are in the -wal file, not yet in the database file.
    expect(existsSync(`${live.database}-wal`)).toBe(true);
    const output = execFileSync("npm", ["run", "--silent", "backup", "--", target], {
      env: { ...process.env, CHUANBO_DATABASE_PATH: live.database },
      encoding: "utf8",
    });
    expect(output).toContain("校验通过");
    // A second backup to the same file is refused, not overwritten.
    expect(() =>
      execFileSync("npm", ["run", "--silent", "backup", "--", target], {
        env: { ...process.env, CHUANBO_DATABASE_PATH: live.database },
        stdio: "pipe",
      }),
    ).toThrow(/已经存在/);
  } finally {
    await live.stop();
  }
  // Restored as an operator would: the copy where the console's database goes, then a start.
  const restoredFile = path.resolve(consoleDir, "backup-restored.sqlite");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(restoredFile + suffix, { force: true });
  copyFileSync(target, restoredFile);
  const restored = await startConsole("backup-restored", { database: restoredFile });
  try {
    const user = await signedIn(restored.url, "backup-check", "backup-test-password");
    expect((await user.get("/api/groups?size=1")).status()).toBe(200);
    await user.dispose();
  } finally {
    await restored.stop();
  }
});
