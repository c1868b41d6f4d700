import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Link } from "@/components/ui/link";
import { testRouter } from "@/tests/support/router";

// The console's Link as a person uses it: a plain click (or Enter) moves within the console; a click
// that asks for a new tab or window, or a download, is left to the browser. What the router was asked
// is recorded by the test's router (tests/support/router.tsx).

function openLink(props: Partial<Parameters<typeof Link>[0]> = {}) {
  const { asked, Router } = testRouter();
  render(
    <Router>
      <Link href="/history?page=2" {...props}>
        推送记录
      </Link>
    </Router>,
  );
  return { link: screen.getByRole("link", { name: "推送记录" }), asked };
}

/**
 * Clicks as `init` says and answers whether the browser would then load the address itself: the
 * click reached the document not taken over (jsdom cannot load pages, so the test stops it there).
 */
function browserFollows(link: HTMLElement, init: MouseEventInit = {}) {
  let follows = false;
  const onClick = (event: Event) => {
    follows = !event.defaultPrevented;
    event.preventDefault();
  };
  document.addEventListener("click", onClick);
  fireEvent.click(link, init);
  document.removeEventListener("click", onClick);
  return follows;
}

describe("Link", () => {
  it("is a real link to its address, for a new tab, a copied address or a screen reader", () => {
    const { link } = openLink({ className: "text-sky-700" });
    expect(link.getAttribute("href")).toBe("/history?page=2");
    expect(link.className).toBe("text-sky-700");
  });

  it("moves within the console on a plain click and on Enter, without the browser loading the page", async () => {
    const { link, asked } = openLink();
    const user = userEvent.setup();
    await user.click(link);
    link.focus();
    await user.keyboard("{Enter}");
    expect(asked.filter((call) => call.startsWith("push"))).toEqual(["push /history?page=2", "push /history?page=2"]);
  });

  it("leaves a click with Ctrl, ⌘, Shift or Alt to the browser (a new tab, a window, a download)", () => {
    const { link, asked } = openLink();
    for (const modifier of [{ ctrlKey: true }, { metaKey: true }, { shiftKey: true }, { altKey: true }]) {
      expect(browserFollows(link, modifier)).toBe(true);
    }
    expect(asked.filter((call) => call.startsWith("push"))).toEqual([]);
    // The same link, clicked plainly: the console's move, not the browser's.
    expect(browserFollows(link)).toBe(false);
    expect(asked.filter((call) => call.startsWith("push"))).toEqual(["push /history?page=2"]);
  });

  it("leaves links that open elsewhere or download to the browser", () => {
    for (const props of [{ target: "_blank" }, { download: "记录.csv" }]) {
      const { link, asked } = openLink(props);
      expect(browserFollows(link)).toBe(true);
      expect(asked).toEqual([]);
      cleanup();
    }
  });

  it("lets the caller's own onClick cancel the move", () => {
    const { link, asked } = openLink({ onClick: (event) => event.preventDefault() });
    expect(browserFollows(link)).toBe(false);
    expect(asked).toEqual([]);
  });

  it("fetches the next page ahead when a pointer, a touch or focus shows intent, unless told not to", () => {
    const { link, asked } = openLink();
    fireEvent.mouseEnter(link);
    fireEvent.touchStart(link);
    fireEvent.focus(link);
    expect(asked).toEqual(["prefetch /history?page=2", "prefetch /history?page=2", "prefetch /history?page=2"]);

    cleanup();
    const quiet = openLink({ prefetch: false });
    fireEvent.mouseEnter(quiet.link);
    fireEvent.focus(quiet.link);
    expect(quiet.asked).toEqual([]);
  });
});
