import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GroupPickerPanel } from "@/components/compose/group-picker-panel";
import { servePage } from "@/tests/support/page-origin";

// The composer's group search after the server failed it: the failure in the vendor's words, and
// 重试 that asks the server to fetch every group anew for that search (not for the next one typed,
// nor after a lost connection, which a fresh fetch of every group would only make wait).

let page: Awaited<ReturnType<typeof servePage>>;
let asked: URLSearchParams[];
let failing: "vendor" | "connection" | null;

beforeAll(async () => {
  page = await servePage((request, _body, response) => {
    const params = new URL(request.url ?? "/", "http://x").searchParams;
    asked.push(params);
    if (failing === "connection") return response.destroy();
    if (failing === "vendor") {
      response.writeHead(502, { "content-type": "application/json" });
      return response.end(JSON.stringify({ error: { code: "upstream_error", message: "系统繁忙，请稍后再试" } }));
    }
    const q = params.get("q") ?? "";
    const records = [
      { id: 7, title: `${q}网格员`, type: 1, department: null, status: 1, operate_time: null, operator: null, tags: [], pnum: 10 },
    ];
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ records, total: 1, size: 10, current: 1, pages: 1 }));
  });
});
afterAll(() => page.close());
beforeEach(() => {
  asked = [];
  failing = null;
});

function Picker() {
  const [q, setQ] = useState("");
  const [current, setPage] = useState(1);
  return <GroupPickerPanel q={q} setQ={setQ} page={current} setPage={setPage} selected={[]} onToggle={() => {}} />;
}

const lastAsked = () => asked[asked.length - 1];

async function search(user: ReturnType<typeof userEvent.setup>, words: string) {
  const box = screen.getByRole("searchbox", { name: "搜索用户组" });
  await user.clear(box);
  await user.type(box, words);
}

/** The picker open, a search for 城东 that fails as `failure`, and the alert it shows. */
async function failedSearch(failure: "vendor" | "connection") {
  const user = userEvent.setup();
  render(<Picker />);
  await screen.findByRole("list", { name: "用户组" });
  failing = failure;
  await search(user, "城东");
  const alert = await screen.findByRole("alert");
  failing = null;
  return { user, alert };
}

describe("the group picker after a failed search", () => {
  it("says the vendor's words; 重试 fetches every group anew for that search only", async () => {
    const { user, alert } = await failedSearch("vendor");
    expect(alert.textContent).toContain("系统繁忙，请稍后再试");
    expect(lastAsked()?.get("refresh")).toBeNull();

    await user.click(within(alert).getByRole("button", { name: "重试" }));
    expect(await screen.findByText("城东网格员")).toBeTruthy();
    expect([lastAsked()?.get("q"), lastAsked()?.get("refresh")]).toEqual(["城东", "1"]);

    // The next search, and back to the first: asked plainly.
    await search(user, "城西");
    await screen.findByText("城西网格员");
    await search(user, "城东");
    await screen.findByText("城东网格员");
    expect(asked.slice(-2).map((p) => [p.get("q"), p.get("refresh")])).toEqual([
      ["城西", null],
      ["城东", null],
    ]);
  });

  it("after a lost connection, 重试 asks the same search plainly", async () => {
    const { user, alert } = await failedSearch("connection");
    await user.click(within(alert).getByRole("button", { name: "重试" }));
    expect(await screen.findByText("城东网格员")).toBeTruthy();
    expect([lastAsked()?.get("q"), lastAsked()?.get("refresh")]).toEqual(["城东", null]);
  });
});
