import { act, render, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { RowCheckbox } from "@/components/groups/groups-select";
import { GroupsState, useGroupsState } from "@/components/groups/groups-state";
import { testRouter } from "../support/router";

// The group table's shared state as the page starts: a choice kept from an earlier visit shows
// checked, and with nothing kept the rows are not rendered a second time for nothing.

const GROUPS = [
  { id: 1, title: "城东街道网格员", pnum: 1400 },
  { id: 2, title: "女通讯员", pnum: 2065 },
];
const KEPT = "chuanbo-console.groups.selection";

let rowRenders = 0;
function Row({ group }: { group: (typeof GROUPS)[number] }) {
  useGroupsState();
  rowRenders += 1;
  return (
    <table>
      <tbody>
        <tr>
          <RowCheckbox group={group} />
        </tr>
      </tbody>
    </table>
  );
}

async function startPage() {
  const { Router } = testRouter();
  render(
    <Router>
      <GroupsState params={{ current: 1, size: 10 }} canSend>
        {GROUPS.map((group) => (
          <Row key={group.id} group={group} />
        ))}
      </GroupsState>
    </Router>,
  );
  // The page's effects (reading the kept choice) and the selection bar's code.
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

beforeEach(() => {
  sessionStorage.clear();
  rowRenders = 0;
});

describe("GroupsState as the page starts", () => {
  it("shows a group chosen earlier in this tab as chosen", async () => {
    sessionStorage.setItem(KEPT, JSON.stringify([GROUPS[1]]));
    await startPage();
    expect((screen.getByRole("checkbox", { name: "选择 女通讯员" }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole("checkbox", { name: "选择 城东街道网格员" }) as HTMLInputElement).checked).toBe(false);
  });

  it("with nothing chosen earlier, renders each row once", async () => {
    await startPage();
    expect(screen.getAllByRole("checkbox").every((box) => !(box as HTMLInputElement).checked)).toBe(true);
    expect(rowRenders).toBe(GROUPS.length);
  });
});
