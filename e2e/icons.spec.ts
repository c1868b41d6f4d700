import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { CONFIGURED_URL, VENDOR_URL } from "../playwright.config";
import { sessionCookie, STATE } from "./support/auth";
import { consoleDir } from "./support/server-set";

// The sample options' icons are the console's own files (/icons/…): they load on whatever port the
// console runs, and the vendor gets them as absolute addresses under the console's (CONSOLE_URL, else
// this machine's PORT, which a real-vendor start warns about).

test("the fake vendor receives the sample icon as an absolute address, and the start warned that it is a local one", async ({
  request,
}) => {
  const options = await request.get(`${CONFIGURED_URL}/api/options`, { headers: { cookie: sessionCookie(STATE.configuredEditor) } });
  const icons = ((await options.json()) as { icons: Array<{ url: string; name: string }> }).icons;
  expect(icons).toContainEqual({ url: "/icons/news.svg", name: "新闻" });
  expect((await request.get(`${CONFIGURED_URL}/icons/news.svg`)).status()).toBe(200);

  await request.delete(`${VENDOR_URL}/__requests`);
  const response = await request.post(`${CONFIGURED_URL}/api/pushes`, {
    data: {
      name: "图标",
      section_id: 90,
      chuanbo_type_id: 38,
      chuanbo_group: [1000],
      notify_way: 1,
      push_title: "台风来了",
      push_content: "请注意防范",
      push_icon: "/icons/news.svg",
    },
    headers: { "Idempotency-Key": crypto.randomUUID(), cookie: sessionCookie(STATE.configuredEditor) },
  });
  expect(response.status()).toBe(201);
  const calls = (await (await request.get(`${VENDOR_URL}/__requests`)).json()) as Array<{ path: string; fields: Array<[string, string]> }>;
  const sent = calls.find((call) => call.path === "/openapi/chuanbo/push_create");
  const port = new URL(CONFIGURED_URL).port;
  expect(sent?.fields).toContainEqual(["push_icon", `http://localhost:${port}/icons/news.svg`]);

  const log = readFileSync(`${consoleDir}/configured.log`, "utf8");
  expect(log).toContain(
    `警告：图标「新闻」将以 http://localhost:${port}/icons/news.svg 发给传播通，这是本机地址，手机上打不开。请把 CONSOLE_URL 设为控制台对外的地址。`,
  );
});

test("an icon chosen in the composer shows in the preview on this console's port", async ({ page }) => {
  await page.goto("/compose");
  await page.getByRole("group", { name: "常用图标" }).getByRole("button", { name: "预警" }).click();
  await expect(page.getByRole("textbox", { name: "消息图标" })).toHaveValue("/icons/alert.svg");
  const preview = page.getByRole("figure", { name: "系统通知预览" }).locator("img");
  await expect(preview).toHaveAttribute("src", "/icons/alert.svg");
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
});
