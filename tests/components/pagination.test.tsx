import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { Pagination } from "@/components/ui/pagination";

// The pager as a keyboard user meets it: paging by Enter never drops focus to the page, and
// buttons that cannot act (首页 on the first page, 末页 on the last) are out of the Tab order.

function Pager({ start, pages }: { start: number; pages: number }) {
  const [current, setCurrent] = useState(start);
  return <Pagination label="用户组分页" current={current} pages={pages} total={pages * 10} size={10} onPageChange={setCurrent} />;
}

const button = (name: string) => within(screen.getByRole("navigation", { name: "用户组分页" })).getByRole("button", { name });
/** What the pager says: 第 N / M 页，共 T 条. */
const position = () => screen.getByText(/^第 \d+ \/ \d+ 页/).textContent;
const focused = () => document.activeElement;

/** The pager on page `start`; `press` focuses one of its buttons and presses Enter, as a keyboard user does. */
function openPager(start: number, pages: number) {
  const user = userEvent.setup();
  render(<Pager start={start} pages={pages} />);
  const press = async (name: string) => {
    button(name).focus();
    await user.keyboard("{Enter}");
  };
  return { user, press };
}

describe("Pagination from the keyboard", () => {
  it("keeps focus on the pager when 下一页 reaches the last page and goes out", async () => {
    const { user, press } = openPager(9, 10);
    await press("下一页");
    expect(position()).toBe("第 10 / 10 页，共 100 条");
    expect(button("下一页")).toHaveProperty("disabled", true);
    // Not the document's body, nor the button that can no longer act: the current page's button.
    expect(focused()).toBe(button("第 10 页"));
    expect(button("第 10 页").getAttribute("aria-current")).toBe("page");

    // Shift+Tab reaches the page before; Enter opens it and focus stays where it was.
    await user.keyboard("{Shift>}{Tab}{/Shift}");
    expect(focused()).toBe(button("第 9 页"));
    await user.keyboard("{Enter}");
    expect(position()).toMatch(/^第 9 \/ 10 页/);
    expect(focused()).toBe(button("第 9 页"));
  });

  it("moves focus to page 1 when 首页 goes out, and 上一页 likewise", async () => {
    const { user, press } = openPager(5, 10);
    await press("首页");
    expect(position()).toBe("第 1 / 10 页，共 100 条");
    expect(focused()).toBe(button("第 1 页"));

    await user.keyboard("{Tab}{Enter}");
    expect(position()).toMatch(/^第 2 \/ 10 页/);
    await press("上一页");
    expect(position()).toBe("第 1 / 10 页，共 100 条");
    expect(focused()).toBe(button("第 1 页"));
  });

  it("leaves focus on 下一页 while it can still act", async () => {
    const { press } = openPager(1, 10);
    await press("下一页");
    await press("下一页");
    expect(position()).toBe("第 3 / 10 页，共 100 条");
    expect(focused()).toBe(button("下一页"));
  });

  it("skips the buttons that cannot act when tabbing through it", async () => {
    const { user } = openPager(1, 3);
    const order = [];
    for (let i = 0; i < 5; i++) {
      await user.tab();
      order.push(focused()?.textContent);
    }
    // 首页 and 上一页 do nothing on the first page: Tab starts at the page numbers.
    expect(order).toEqual(["1", "2", "3", "下一页", "末页"]);
    expect([button("首页"), button("上一页")].map((b) => b.hasAttribute("disabled"))).toEqual([true, true]);
  });

  it("a single page has nothing to tab to but its own number", async () => {
    const { user } = openPager(1, 1);
    await user.tab();
    expect(focused()).toBe(button("第 1 页"));
    await user.tab();
    expect(focused()).toBe(document.body);
    expect(["首页", "上一页", "下一页", "末页"].map((name) => button(name).hasAttribute("disabled"))).toEqual([true, true, true, true]);
  });
});
