import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useLayoutEffect, useRef, useState } from "react";
import { describe, expect, it } from "vitest";
import { Dialog } from "@/components/ui/dialog";

// A dialog that goes with the change it asked for (删除 on /templates): focus that the change has
// already put on its outcome stays there; only focus that fell to <body> goes back to the opener.

function Outcome() {
  const ref = useRef<HTMLParagraphElement>(null);
  // As focusWhenShown does once its module is loaded: before the dialog's own clean-up runs.
  useLayoutEffect(() => ref.current?.focus(), []);
  return (
    <p ref={ref} tabIndex={-1}>
      已删除模板「值班短信」。
    </p>
  );
}

function Page({ sayOutcome }: { sayOutcome: boolean }) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        删除
      </button>
      {done && sayOutcome && <Outcome />}
      {open && (
        <Dialog open onClose={() => setOpen(false)} title="删除模板「值班短信」？">
          <button
            type="button"
            onClick={() => {
              setOpen(false);
              setDone(true);
            }}
          >
            确认删除
          </button>
        </Dialog>
      )}
    </>
  );
}

describe("Dialog: where focus goes when it leaves the page", () => {
  it("keeps focus on the outcome a change has already focused", async () => {
    const user = userEvent.setup();
    render(<Page sayOutcome />);
    await user.click(screen.getByRole("button", { name: "删除" }));
    await user.click(screen.getByRole("button", { name: "确认删除" }));
    expect(document.activeElement).toBe(screen.getByText("已删除模板「值班短信」。"));
  });

  it("returns focus that fell to <body> to the button that opened it", async () => {
    const user = userEvent.setup();
    render(<Page sayOutcome={false} />);
    await user.click(screen.getByRole("button", { name: "删除" }));
    await user.click(screen.getByRole("button", { name: "确认删除" }));
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "删除" }));
  });
});
