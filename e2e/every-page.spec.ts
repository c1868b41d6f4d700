import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { EVERY_PAGE, makeFixtures, openAs, WIDTHS } from "./support/every-page";

// Every page, as the role that can see it, at the design width and a phone's: an accessibility scan
// (axe-core) with no serious or critical violation, and nothing wider than a 390 px screen.

let made: Awaited<ReturnType<typeof makeFixtures>>;
test.beforeAll(async () => {
  made = await makeFixtures();
});
test.afterAll(async () => {
  await made.cleanUp();
});

for (const width of WIDTHS) {
  for (const { name, role, path } of EVERY_PAGE) {
    test(`${name} at ${width} px as ${role}: no serious or critical accessibility violations`, async ({ browser }) => {
      const { context, page } = await openAs(browser, role, width, path(made.fixtures));
      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((node) => node.target.join(" ")).join(" | ")}`);
      expect(serious).toEqual([]);
      await context.close();
    });
  }
}

for (const { name, role, path } of EVERY_PAGE) {
  test(`${name} as ${role} is no wider than a 390 px screen`, async ({ browser }) => {
    const { context, page } = await openAs(browser, role, 390, path(made.fixtures));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });
}
