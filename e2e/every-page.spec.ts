import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { EVERY_PAGE, makeFixtures, openAs, WIDTHS } from "./support/every-page";

// Every page, as the role that can see it, at the design width and a phone's: nothing wider than the
// screen (at 390 px, a phone's), and an accessibility scan (axe-core) with no serious or critical
// violation. One page load serves both.

let made: Awaited<ReturnType<typeof makeFixtures>>;
test.beforeAll(async () => {
  made = await makeFixtures();
});
test.afterAll(async () => {
  await made.cleanUp();
});

for (const width of WIDTHS) {
  for (const { name, role, path } of EVERY_PAGE) {
    test(`${name} at ${width} px as ${role}: no wider than the screen, no serious or critical accessibility violations`, async ({
      browser,
    }) => {
      const { context, page } = await openAs(browser, role, width, path(made.fixtures));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((node) => node.target.join(" ")).join(" | ")}`);
      expect(serious).toEqual([]);
      await context.close();
    });
  }
}
