import { render, screen } from "@testing-library/react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Loading, onDemand } from "@/components/ui/on-demand";

// A part loaded on demand: its loading line first, then the part itself with the props it was given;
// on the server only the loading line (the part's code is the browser's to fetch, as next/dynamic's ssr: false).

function Greeting({ name }: { name: string }) {
  return <p>你好，{name}</p>;
}

describe("onDemand", () => {
  it("shows the loading line until the code has come, then the part with its props", async () => {
    let arrive: (component: typeof Greeting) => void = () => {};
    const Lazy = onDemand(() => new Promise<typeof Greeting>((resolve) => (arrive = resolve)), <Loading>正在载入问候…</Loading>);
    render(<Lazy name="编辑甲" />);
    expect(screen.getByText("正在载入问候…")).toBeTruthy();
    arrive(Greeting);
    expect(await screen.findByText("你好，编辑甲")).toBeTruthy();
    expect(screen.queryByText("正在载入问候…")).toBeNull();
  });

  it("renders only the loading line on the server, and never asks for the code there", () => {
    let asked = 0;
    const Lazy = onDemand(
      async () => {
        asked += 1;
        return Greeting;
      },
      <Loading />,
    );
    const html = renderToString(<Lazy name="编辑甲" />);
    expect(html).toContain("正在载入…");
    expect(html).not.toContain("你好");
    expect(asked).toBe(0);
  });
});
