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

const pager = () => screen.getByRole("navigation", { name: "用户组分页" });
const button = (name: string) => within(pager()).getByRole("button", { name });
const position = () => within(pager()).getByText(/^第 \d+ \/ \d+ 页/);

describe("Pagination from the keyboard", () => {
  it("keeps focus on the pager when 下一页 reaches the last page and goes out", async () => {
    const user = userEvent.setup();
    render(<Pager start={9} pages={10} />);
    button("下一页").focus();
    await user.keyboard("{Enter}");
    expect(position().textContent).toBe("第 10 / 10 页，共 100 条");
    expect(button("下一页")).toHaveProperty("disabled", true);
    // Not the document's body, nor the button that can no longer act: the current page's button.
    expect(document.activeElement).toBe(button("第 10 页"));
    expect(button("第 10 页").getAttribute("aria-current")).toBe("page");

    // Shift+Tab reaches the page before; Enter opens it and focus stays where it was.
    await user.keyboard("{Shift>}{Tab}{/Shift}");
    expect(document.activeElement).toBe(button("第 9 页"));
    await user.keyboard("{Enter}");
    expect(position().textContent).toMatch(/^第 9 \/ 10 页/);
    expect(document.activeElement).toBe(button("第 9 页"));
  });

  it("moves focus to page 1 when 首页 goes out, and 上一页 likewise", async () => {
    const user = userEvent.setup();
    render(<Pager start={5} pages={10} />);
    button("首页").focus();
    await user.keyboard("{Enter}");
    expect(position().textContent).toMatch(/^第 1 \/ 10 页/);
    expect(document.activeElement).toBe(button("第 1 页"));

    await user.keyboard("{Tab}{Enter}");
    expect(position().textContent).toMatch(/^第 2 \/ 10 页/);
    button("上一页").focus();
    await user.keyboard("{Enter}");
    expect(position().textContent).toMatch(/^第 1 \/ 10 页/);
    expect(document.activeElement).toBe(button("第 1 页"));
  });

  it("leaves focus on 下一页 while it can still act", async () => {
    const user = userEvent.setup();
    render(<Pager start={1} pages={10} />);
    button("下一页").focus();
    await user.keyboard("{Enter}{Enter}");
    expect(position().textContent).toMatch(/^第 3 \/ 10 页/);
    expect(document.activeElement).toBe(button("下一页"));
  });

  it("skips the buttons that cannot act when tabbing through it", async () => {
    const user = userEvent.setup();
    render(<Pager start={1} pages={3} />);
    await user.tab();
    // 首页 and 上一页 do nothing on the first page: Tab starts at the page numbers.
    expect(button("首页")).toHaveProperty("disabled", true);
    expect(document.activeElement).toBe(button("第 1 页"));
    const order = [document.activeElement];
    for (let i = 0; i < 4; i++) {
      await user.tab();
      order.push(document.activeElement);
    }
    expect(order.map((element) => element?.textContent)).toEqual(["1", "2", "3", "下一页", "末页"]);
  });

  it("a single page has nothing to tab to but its own number", async () => {
    const user = userEvent.setup();
    render(<Pager start={1} pages={1} />);
    await user.tab();
    expect(document.activeElement).toBe(button("第 1 页"));
    await user.tab();
    expect(pager().contains(document.activeElement)).toBe(false);
    expect(["首页", "上一页", "下一页", "末页"].map((name) => button(name).hasAttribute("disabled"))).toEqual([true, true, true, true]);
  });
});
