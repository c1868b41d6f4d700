import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SignInForm } from "@/components/auth/sign-in-form";
import { servePage } from "@/tests/support/page-origin";

// The sign-in form, a plain form without a form or schema library (the sign-in page's size budget):
// what is missing shows on submit and clears as it is typed, 填入 fills a demo account, and a refusal
// shows the server's message with the password focused. Answers come from a real HTTP server.

const demo = { password: "chuanbo-demo", accounts: [{ username: "demo-editor", name: "演示编辑", roles: "编辑" }] };
let received: { path: string; body: unknown }[];
let page: Awaited<ReturnType<typeof servePage>>;

beforeAll(async () => {
  page = await servePage((request, body, response) => {
    received.push({ path: request.url ?? "", body: JSON.parse(body || "null") });
    response.writeHead(401, { "content-type": "application/json" });
    response.end(JSON.stringify({ error: { code: "invalid_credentials", message: "用户名或密码错误，请检查后重试。" } }));
  });
});
afterAll(() => page.close());
beforeEach(() => {
  received = [];
});

function openForm() {
  const user = userEvent.setup();
  render(<SignInForm next="/history" demo={demo} />);
  return user;
}

describe("the sign-in form", () => {
  it("says what is missing on submit, sends nothing, and clears each message as it is typed", async () => {
    const user = openForm();
    await user.click(screen.getByRole("button", { name: "登录" }));
    const name = screen.getByLabelText(/用户名/);
    const password = screen.getByLabelText(/密码/);
    expect(await screen.findByText("请输入用户名")).toBeTruthy();
    expect(screen.getByText("请输入密码")).toBeTruthy();
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(name);
    expect(received).toEqual([]);

    // Spaces are no name.
    await user.type(name, "   ");
    expect(screen.getByText("请输入用户名")).toBeTruthy();
    await user.type(name, "x");
    await waitFor(() => expect(screen.queryByText("请输入用户名")).toBeNull());
    expect(name.getAttribute("aria-invalid")).toBeNull();
    expect(screen.getByText("请输入密码")).toBeTruthy();
    expect(password.getAttribute("aria-invalid")).toBe("true");
  });

  it("填入 fills a demo account and focuses the password", async () => {
    const user = openForm();
    await user.click(screen.getByRole("button", { name: "填入 demo-editor" }));
    expect((screen.getByLabelText(/用户名/) as HTMLInputElement).value).toBe("demo-editor");
    const password = screen.getByLabelText(/密码/) as HTMLInputElement;
    expect(password.value).toBe("chuanbo-demo");
    expect(document.activeElement).toBe(password);
  });

  it("sends the name trimmed and in lower case, and shows a refusal in the form with the password focused", async () => {
    const user = openForm();
    await user.type(screen.getByLabelText(/用户名/), "  Demo-Editor ");
    await user.type(screen.getByLabelText(/密码/), "wrong password");
    await user.click(screen.getByRole("button", { name: "登录" }));
    const form = screen.getByRole("form", { name: "登录" });
    expect((await within(form).findByRole("alert")).textContent).toBe("用户名或密码错误，请检查后重试。");
    expect(received).toEqual([{ path: "/api/auth/sign-in/username", body: { username: "demo-editor", password: "wrong password" } }]);
    expect(document.activeElement).toBe(screen.getByLabelText(/密码/));
    expect(screen.getByRole("button", { name: "登录" })).toHaveProperty("disabled", false);
  });

  it("sends what was typed before the page's script ran, and posts to itself before that", async () => {
    const container = document.body.appendChild(document.createElement("div"));
    container.innerHTML = renderToString(<SignInForm next="/history" />);
    const form = container.querySelector("form")!;
    // Without the script, a submit would post to the page (no password in an address).
    expect([form.getAttribute("method"), form.getAttribute("action")]).toEqual(["post", null]);
    (container.querySelector("#username") as HTMLInputElement).value = "Demo-Editor";
    (container.querySelector("#password") as HTMLInputElement).value = "typed early";
    const root = await act(async () => hydrateRoot(container, <SignInForm next="/history" />));
    try {
      await userEvent.setup().click(within(container).getByRole("button", { name: "登录" }));
      expect((await within(form).findByRole("alert")).textContent).toBe("用户名或密码错误，请检查后重试。");
      expect(received).toEqual([{ path: "/api/auth/sign-in/username", body: { username: "demo-editor", password: "typed early" } }]);
    } finally {
      act(() => root.unmount());
      container.remove();
    }
  });
});
