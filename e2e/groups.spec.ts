import { expect, test, type Page } from "@playwright/test";
import { controlSimulator } from "./support/simulator";

// The group browser against the simulator's 100 groups (ids 200 down to 101, ten to a page).

const table = (page: Page) => page.getByRole("table");
const rows = (page: Page) => table(page).locator("tbody tr");
const firstId = (page: Page) => rows(page).first().getByRole("cell").nth(1);
const pager = (page: Page) => page.getByRole("navigation", { name: "用户组分页" });

test.afterEach(async ({ request }) => {
  await controlSimulator(request, { reset: true });
});

test("pages forward and back, with the address following, and the size changing", async ({ page }) => {
  await page.goto("/groups");
  await expect(rows(page)).toHaveCount(10);
  await expect(firstId(page)).toHaveText("200");
  await expect(pager(page)).toContainText("第 1 / 10 页，共 100 条");

  await pager(page).getByRole("button", { name: "下一页" }).click();
  await expect(page).toHaveURL(/\/groups\?page=2&size=10$/);
  await expect(firstId(page)).toHaveText("190");
  await pager(page).getByRole("button", { name: "第 5 页" }).click();
  await expect(page).toHaveURL(/page=5/);
  await expect(firstId(page)).toHaveText("160");
  await expect(pager(page).getByRole("button", { name: "第 5 页" })).toHaveAttribute("aria-current", "page");

  await page.goBack();
  await expect(page).toHaveURL(/page=2/);
  await expect(firstId(page)).toHaveText("190");
  await page.goForward();
  await expect(firstId(page)).toHaveText("160");

  await pager(page).getByLabel("每页").selectOption("20");
  // The first row shown (160, the 41st) stays in view: it is on page 3 at 20 a page.
  await expect(page).toHaveURL(/page=3&size=20/);
  await expect(rows(page)).toHaveCount(20);
  await expect(firstId(page)).toHaveText("160");
  await expect(pager(page)).toContainText("第 3 / 5 页");

  await page.reload();
  await expect(firstId(page)).toHaveText("160");
  await expect(rows(page)).toHaveCount(20);
  await expect(pager(page).getByLabel("每页")).toHaveValue("20");
});

test("a pasted link lands on its page, and a page past the end says so", async ({ page }) => {
  await page.goto("/groups?page=4&size=20");
  await expect(firstId(page)).toHaveText("140");
  await page.goto("/groups?page=99&size=10");
  await expect(page.getByRole("status").filter({ hasText: "第 99 页没有内容" })).toBeVisible();
  await expect(pager(page)).toHaveCount(0);
  await expect(page.getByText("第 99 / 10 页")).toHaveCount(0);
  await page.getByRole("button", { name: /去第 10 页/ }).click();
  await expect(firstId(page)).toHaveText("110");
});

test("pagination works from the keyboard and keeps focus", async ({ page }) => {
  await page.goto("/groups?page=9&size=10");
  await expect(firstId(page)).toHaveText("120");
  const next = pager(page).getByRole("button", { name: "下一页" });
  await next.focus();
  await page.keyboard.press("Enter");
  await expect(firstId(page)).toHaveText("110");
  // 下一页 is disabled on the last page: focus moves to the current page's button, not the document.
  await expect(pager(page).getByRole("button", { name: "第 10 页" })).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Enter");
  await expect(firstId(page)).toHaveText("120");
});

test("shows every column, tag rules as readable chips, and hostile titles as text", async ({ page }) => {
  await page.goto("/groups?page=10&size=10");
  await expect(table(page).getByRole("columnheader")).toHaveText(
    ["选择本页全部用户组", "ID", "名称", "类型", "所属部门", "状态", "人数（估计值）", "操作人", "操作时间", "标签规则"].map((n) =>
      n === "选择本页全部用户组" ? "" : n,
    ),
  );

  const html = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>测试组';
  const htmlRow = rows(page).filter({ has: page.getByRole("rowheader", { name: html }) });
  await expect(htmlRow).toHaveCount(1);
  await expect(table(page).locator("img, script")).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();

  await expect(page.getByRole("rowheader", { name: "🚒 消防志愿者 🔥👩‍🚒 群" })).toBeVisible();
  const long = page.getByRole("link", { name: /^全市各街道社区网格员/ });
  await expect(long).toHaveAttribute("title", /（第二批次补充名单）$/);

  const noCount = rows(page).filter({ has: page.getByRole("cell", { name: "105", exact: true }) });
  await expect(noCount.getByRole("cell").nth(5)).toHaveText("—");

  const range = rows(page).filter({ has: page.getByRole("rowheader", { name: "西湖区青年志愿者" }) });
  const chips = range.getByRole("list", { name: "标签规则" }).getByRole("listitem");
  await expect(chips).toHaveText(["年龄 18–35", "所在区域 = 西湖区", "会员等级 ≥ 3"]);
  // The vendor's gte, on hover, for whoever asks the vendor about the rule.
  await expect(chips.nth(2).getByTitle("会员等级 ≥ 3（vip_level，传播通的写法为 gte）")).toBeVisible();
  // A list's time is to the minute (the group's page has the seconds).
  await expect(range.getByRole("cell").nth(7)).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await expect(range.getByText("标签组")).toBeVisible();
});

test("searches all groups by keyword and type, with the filters in the address", async ({ page }) => {
  await page.goto("/groups");
  await page.getByRole("searchbox", { name: "关键词" }).fill("西湖区青年");
  await expect(page).toHaveURL(/q=%E8%A5%BF%E6%B9%96%E5%8C%BA%E9%9D%92%E5%B9%B4/);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).getByRole("rowheader")).toHaveText("西湖区青年志愿者");
  await expect(page.getByText(/数据获取于 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d（北京时间）/)).toBeVisible();

  await page.getByRole("button", { name: "清除全部筛选" }).click();
  await page.getByLabel("类型").selectOption("1");
  await expect(page).toHaveURL(/type=1/);
  await expect(rows(page).first().getByRole("cell", { name: "导入用户", exact: true })).toBeVisible();
  // Every row shown, not just the first, is of that type.
  await expect(rows(page).filter({ hasNot: page.getByRole("cell", { name: "导入用户", exact: true }) })).toHaveCount(0);
  await expect(table(page).getByText("标签组")).toHaveCount(0);

  await page.getByRole("searchbox", { name: "关键词" }).fill("没有这种组");
  await expect(page.getByText("没有符合条件的用户组")).toBeVisible();

  // The address alone brings the same search back.
  await page.goto("/groups?q=106");
  await expect(rows(page)).toHaveCount(1);
  await expect(page.getByRole("searchbox", { name: "关键词" })).toHaveValue("106");

  await page.getByRole("button", { name: "刷新" }).click();
  await expect(rows(page)).toHaveCount(1);
});

test("filters by department from the whole list", async ({ page }) => {
  await page.goto("/groups");
  const department = page.getByLabel("所属部门");
  await department.focus();
  await expect(department.locator("option", { hasText: "视频部" })).toHaveCount(1);
  await department.selectOption({ label: (await department.locator("option", { hasText: "视频部" }).textContent()) ?? "" });
  await expect(page).toHaveURL(/department=%E8%A7%86%E9%A2%91%E9%83%A8/);
  await expect(rows(page).first().getByRole("cell", { name: "视频部", exact: true })).toBeVisible();
  await expect(rows(page).filter({ hasNot: page.getByRole("cell", { name: "视频部", exact: true }) })).toHaveCount(0);
});

test("a tag value on /tags leads to the groups that use it", async ({ page }) => {
  await page.goto("/tags");
  const age = page.getByRole("region", { name: /年龄/ });
  await expect(age).toContainText("1 个用户组使用");
  await age.getByRole("link", { name: "年龄 18–35" }).click();
  await expect(page).toHaveURL(/\/groups\?.*tag_code=age.*value1=18.*value2=35/);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).getByRole("rowheader")).toHaveText("西湖区青年志愿者");
  await page.getByRole("button", { name: "清除标签筛选" }).click();
  await expect(rows(page)).toHaveCount(10);
});

test("刷新 on /tags shows the tags as the vendor now has them", async ({ page, request }) => {
  await page.goto("/tags");
  await expect(page.getByRole("region", { name: /年龄/ })).toContainText("1 个用户组使用");
  await expect(page.getByText(/数据获取于 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d（北京时间）/)).toBeVisible();
  // The vendor now has no groups, and fails at first: the page keeps what it was given and says why.
  await controlSimulator(request, {
    groupCount: 0,
    faults: [{ kind: "code", action: "group_list", code: 50001, message: "系统繁忙，请稍后再试" }],
  });
  const failed = page.getByRole("alert").filter({ hasText: "刷新失败" });
  await page.getByRole("button", { name: "刷新" }).click();
  await expect(failed).toHaveText("刷新失败：系统繁忙，请稍后再试");
  await expect(page.getByRole("region", { name: /年龄/ })).toBeVisible();
  await controlSimulator(request, { faults: [] });
  await page.getByRole("button", { name: "刷新" }).click();
  await expect(page.getByText("还没有用户组用到标签")).toBeVisible();
  await expect(failed).toHaveCount(0);
  await expect(page.getByRole("region", { name: /年龄/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "刷新" })).toBeEnabled();
});

// Each page that reads every group says why it could not, with the vendor's message; once the vendor
// is back, 重试 fetches every group anew, without waiting for the kept failure to age.
for (const { path, title, loaded } of [
  {
    path: "/tags",
    title: "标签加载失败",
    loaded: (page: Page) => expect(page.getByRole("region", { name: /年龄/ })).toContainText("1 个用户组使用"),
  },
  {
    path: "/groups/106",
    title: "用户组加载失败",
    loaded: (page: Page) => expect(page.getByRole("heading", { level: 1 })).toHaveText("西湖区青年志愿者"),
  },
]) {
  test(`${path} says why it could not be loaded, and 重试 recovers at once`, async ({ page, request }) => {
    await controlSimulator(request, {
      reset: true,
      faults: [{ kind: "code", action: "group_list", code: 50001, message: "系统繁忙，请稍后再试" }],
    });
    await page.goto(path);
    const alert = page.getByRole("alert").filter({ hasText: title });
    await expect(alert).toContainText("系统繁忙，请稍后再试");
    await controlSimulator(request, { faults: [] });
    await alert.getByRole("link", { name: "重试" }).click();
    await loaded(page);
    await expect(alert).toHaveCount(0);
    // The address no longer asks for every group anew (a reload or a bookmark would).
    await expect(page).toHaveURL(new URL(path, page.url()).href);
  });
}

test("the detail view shows every field and rule, copies the id and leads to the composer", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/groups?page=10");
  await page.getByRole("link", { name: "西湖区青年志愿者" }).click();
  await expect(page).toHaveURL(/\/groups\/106$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("西湖区青年志愿者");
  await expect(page.getByRole("definition").first()).toHaveText("106");
  const rules = page.getByRole("region", { name: "标签规则" }).getByRole("table");
  const age = rules.getByRole("row").filter({ hasText: "年龄" });
  // 关系 in the chip's words, not the vendor's codes (range, gte).
  await expect(age.getByRole("cell")).toHaveText([/^age$/, "介于", "18", "35"]);
  await expect(rules.getByRole("row").filter({ hasText: "会员等级" }).getByRole("cell")).toHaveText([/^vip_level$/, "≥", "3", "—"]);
  // The vendor's 状态 1 in words; who made each rule, and the tenant, only under 详情.
  await expect(page.getByRole("definition").filter({ hasText: "启用" })).toBeVisible();
  await expect(page.getByText(/83c7664d036e16f2$/).first()).toBeHidden();
  await page.getByText("详情（规则的创建、更新记录和租户）").click();
  const ageDetails = page.getByRole("listitem").filter({ hasText: "年龄" });
  await expect(ageDetails.getByRole("definition")).toHaveText([
    "2025-03-01 08:00:00",
    /83c7664d036e16f2$/,
    "2025-03-01 08:00:00",
    /83c7664d036e16f2$/,
    "6",
  ]);

  await page.getByRole("button", { name: "复制 ID" }).click();
  await expect(page.getByText("已复制 106")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("106");
  await expect(page.getByRole("link", { name: "用此用户组创建推送" })).toHaveAttribute("href", "/compose?groups=106");

  await page.goto("/groups/99999");
  await expect(page.getByText("找不到 ID 为 99999 的用户组")).toBeVisible();
});

test("groups chosen across pages go to the composer together", async ({ page }) => {
  await page.goto("/groups");
  await page
    .getByRole("checkbox", { name: /^选择 / })
    .first()
    .check();
  await pager(page).getByRole("button", { name: "下一页" }).click();
  await expect(firstId(page)).toHaveText("190");
  await page.getByRole("checkbox", { name: "选择本页全部用户组" }).check();
  const bar = page.getByRole("region", { name: "已选用户组" });
  await expect(bar).toContainText("已选 11 个用户组");
  // The console's one word for this sum.
  await expect(bar).toContainText(/已选 11 个用户组，预计触达 \d{1,3}(,\d{3})* 人/);
  await expect(bar).not.toContainText("约");
  await pager(page).getByRole("button", { name: "上一页" }).click();
  await expect(page.getByRole("checkbox", { name: /^选择 / }).first()).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "选择本页全部用户组" })).not.toBeChecked();
  const ids = [200, ...Array.from({ length: 10 }, (_, i) => 190 - i)].join(",");
  await expect(bar.getByRole("link", { name: "创建推送" })).toHaveAttribute("href", `/compose?groups=${ids}`);
  await bar.getByRole("button", { name: "清除选择" }).click();
  await expect(bar).toHaveCount(0);
});

test("an upstream failure shows the upstream's message, and 重试 recovers", async ({ page, request }) => {
  await controlSimulator(request, { faults: [{ kind: "code", action: "group_list", code: 50001, message: "系统繁忙，请稍后再试" }] });
  await page.goto("/groups?page=3");
  const alert = page.getByRole("alert").filter({ hasText: "用户组加载失败" });
  await expect(alert).toContainText("系统繁忙，请稍后再试");
  await controlSimulator(request, { faults: [] });
  await alert.getByRole("button", { name: "重试" }).click();
  await expect(firstId(page)).toHaveText("180");
  await expect(alert).toHaveCount(0);
});

test("the vendor's malformed group data is said in Chinese alone, on every page that reads groups", async ({ page, request }) => {
  await controlSimulator(request, { groupCount: 100, faults: [{ kind: "bad_shape", action: "group_list" }] });
  for (const path of ["/groups", "/tags", "/groups/106"]) {
    await page.goto(path);
    const alert = page.getByRole("alert").filter({ hasText: "加载失败" });
    await expect(alert).toContainText("传播通返回的用户组数据无法识别，请联系管理员。");
    await expect(alert).not.toContainText(/Invalid|expected|list\.records|（/);
  }
});

test("刷新 and 重试 keep focus on /groups and /tags", async ({ page, request }) => {
  await page.goto("/groups");
  const refresh = page.getByRole("button", { name: /刷新/ });
  await refresh.click();
  await expect(refresh).toHaveText("刷新");
  await expect(refresh).toBeFocused();

  await page.goto("/tags");
  await expect(page.getByRole("region", { name: /年龄/ })).toBeVisible();
  await refresh.click();
  await expect(refresh).toHaveText("刷新");
  await expect(refresh).toBeFocused();

  // 重试 goes where the list now is: the page's heading.
  const busy = [{ kind: "code", action: "group_list", code: 50001, message: "系统繁忙，请稍后再试" }] as const;
  await controlSimulator(request, { reset: true, faults: [...busy] });
  await page.goto("/groups?page=3");
  const failed = page.getByRole("alert").filter({ hasText: "用户组加载失败" });
  await expect(failed).toBeVisible();
  await controlSimulator(request, { faults: [] });
  await failed.getByRole("button", { name: "重试" }).click();
  await expect(firstId(page)).toHaveText("180");
  await expect(page.getByRole("heading", { level: 1, name: "用户组" })).toBeFocused();

  await controlSimulator(request, { reset: true, faults: [...busy] });
  await page.goto("/tags");
  const tagsFailed = page.getByRole("alert").filter({ hasText: "标签加载失败" });
  await expect(tagsFailed).toBeVisible();
  await controlSimulator(request, { faults: [] });
  await tagsFailed.getByRole("link", { name: "重试" }).click();
  await expect(page.getByRole("region", { name: /年龄/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "标签" })).toBeFocused();
});
