import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ComposeForm } from "@/components/compose/compose-form";
import { SendResult } from "@/components/compose/send-result";
import { QueryProvider } from "@/components/query-provider";
import { newDraft, type Draft, type SentResult } from "@/lib/compose/draft";
import { emptyValues } from "@/lib/compose/values";
import { servePage } from "@/tests/support/page-origin";
import { testRouter } from "@/tests/support/router";
import type { DraftStore } from "@/components/compose/use-compose-send";
import type { Group } from "@/lib/validations/group";
import type { PublicOptions } from "@/lib/validations/options";
import type { Preflight } from "@/lib/validations/push-record";
import type { ServerResponse } from "node:http";

// The composer's send, as the editor sees it: the busy button while the request is out, then what
// the console answered: sent, held for approval, failed (nothing went out) or unknown (it may have).
// The answers come from a real HTTP server over the browser code's real fetch.

const options: PublicOptions = {
  sections: [{ id: 90, name: "新闻中心" }],
  types: [{ id: 38, name: "突发事件" }],
  directives: [],
  smsSignatures: [{ id: 7, name: "天目新闻", text: "天目新闻" }],
  icons: [],
  testGroupId: 999,
  quietHours: null,
  schedule: { minLeadSeconds: 120, graceMinutes: 10 },
};
const group: Group = {
  id: 101,
  title: "城东网格员",
  type: 1,
  department: "新闻中心",
  status: 1,
  operate_time: null,
  operator: null,
  tags: [],
  pnum: 1200,
};
const ready = (): Draft =>
  newDraft(
    {
      ...emptyValues(),
      name: "防汛语音",
      section_id: 90,
      chuanbo_type_id: 38,
      notify_way: 3,
      chuanbo_group: [101],
      voice_content: "今晚有暴雨，请远离河道。",
    },
    [group],
  );

/** The draft in memory (the page keeps it in localStorage too). */
function memoryStore(draft: Draft): DraftStore {
  let current = draft;
  return {
    current: () => current,
    update: (patch) => {
      current = { ...current, ...patch };
    },
  };
}

/** The form, and once it reports a send, the result in its place: as the /compose page does. */
function ComposePage({ store }: { store: DraftStore }) {
  const [result, setResult] = useState<SentResult | null>(null);
  if (result) return <SendResult result={result} options={options} onAgain={() => {}} onNew={() => {}} />;
  return <ComposeForm store={store} options={options} onSent={setResult} onClear={() => {}} onRecorded={() => void recorded++} />;
}

type Answer = { status: number; body: unknown };
type Received = { path: string; key: string | undefined; body: unknown };

/** What the server does with the next request: answer at once, or hand the response to the test. */
let answer: Answer | ((response: ServerResponse) => void);
let received: Received[];
let page: Awaited<ReturnType<typeof servePage>>;
/** What POST /api/pushes/preflight answers, and the drafts it was asked about. */
let preflight: Preflight;
let preflights: unknown[];
/** How often the form asked the page to render again from the server (/compose: router.refresh). */
let recorded: number;

function reply(response: ServerResponse, { status, body }: Answer) {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

beforeAll(async () => {
  // What a browser fetches while the editor types (the preflight's, the send time's and the send's
  // code), here compiled before the first test rather than inside its wait.
  await Promise.all([
    import("@/components/compose/preflight-check"),
    import("@/components/compose/send-pipeline"),
    import("@/lib/compose/send-time"),
  ]);
  page = await servePage((request, body, response) => {
    // The composer asks the preflight as soon as the draft has groups: answered on its own.
    if (request.url === "/api/pushes/preflight") {
      preflights.push(JSON.parse(body || "null"));
      return reply(response, { status: 200, body: preflight });
    }
    received.push({
      path: request.url ?? "",
      key: request.headers["idempotency-key"] as string | undefined,
      body: JSON.parse(body || "null"),
    });
    if (typeof answer === "function") answer(response);
    else reply(response, answer);
  });
});
afterAll(() => page.close());
beforeEach(() => {
  received = [];
  preflights = [];
  recorded = 0;
  preflight = { decision: "send", reasons: [], reach: { reach: 1200, incomplete: false } };
});

/** The composer on a draft ready to send, as the editor opens it. */
function openComposer(draft: Draft = ready()) {
  const user = userEvent.setup();
  const { Router } = testRouter();
  render(
    <Router>
      <QueryProvider>
        <ComposePage store={memoryStore(draft)} />
      </QueryProvider>
    </Router>,
  );
  return user;
}

async function confirmSend(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole("button", { name: "发送…" }));
  const dialog = await screen.findByRole("dialog", { name: "确认发送语音消息" });
  // The button reads 正在检查发送规则… until the server's preflight has answered, as a person sees it.
  await user.click(await within(dialog).findByRole("button", { name: "确认发送" }));
  return dialog;
}

describe("the composer's send", () => {
  it("shows the send as busy while the request is out, then says it was sent, with the request id", async () => {
    let held: ServerResponse | undefined;
    answer = (response) => (held = response);
    const user = openComposer();
    const dialog = await confirmSend(user);

    const busy = await within(dialog).findByRole("button", { name: "正在发送…" });
    expect(busy).toHaveProperty("disabled", true);
    expect(within(dialog).getByRole("button", { name: "返回修改" })).toHaveProperty("disabled", true);
    const form = screen.getAllByRole("button", { name: "正在发送…" }).filter((b) => !dialog.contains(b));
    expect(form.map((b) => (b as HTMLButtonElement).disabled)).toEqual([true]);
    expect(screen.getByRole("button", { name: "发送到测试组" }).getAttribute("aria-disabled")).toBe("true");
    expect(received).toHaveLength(1);
    expect([screen.queryByRole("alert"), screen.queryByRole("heading", { name: /已发送/ })]).toEqual([null, null]);

    reply(held!, { status: 201, body: { id: "p-1", status: "sent", requestId: "r-42" } });
    const heading = await screen.findByRole("heading", { name: /已发送/ });
    expect(heading.textContent).toBe("✓ 已发送：语音消息“防汛语音”");
    expect(screen.getByRole("status").textContent).toContain("请求编号 r-42");
    expect(screen.getByRole("link", { name: "在推送记录中查看" }).getAttribute("href")).toBe("/history/p-1");
    expect(received).toEqual([
      {
        path: "/api/pushes",
        key: expect.stringMatching(/^[0-9a-f-]{36}$/),
        body: expect.objectContaining({ name: "防汛语音", chuanbo_group: [101] }),
      },
    ]);
  });

  it("says a push held for approval (202) was submitted, not sent", async () => {
    answer = { status: 202, body: { id: "p-2", status: "pending_approval" } };
    const user = openComposer();
    await confirmSend(user);
    const heading = await screen.findByRole("heading", { name: /已提交审批/ });
    expect(heading.textContent).toBe("已提交审批：语音消息“防汛语音”");
    expect(screen.getByRole("status").textContent).toContain("需要另一位审核人批准后才会发出");
    expect(screen.queryByText(/已发送/)).toBeNull();
  });

  it("says a refused push did not go out, keeps the form, and a retry takes a fresh key", async () => {
    answer = {
      status: 502,
      body: { error: { code: "upstream_rejected", message: "短信签名未通过审核", upstreamCode: 40013, pushId: "p-3", status: "failed" } },
    };
    const user = openComposer();
    await confirmSend(user);

    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("没有发出：短信签名未通过审核")).toBeTruthy();
    expect(alert.textContent).toContain("按提示修改后可以再次发送");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.getByRole("button", { name: "发送…" })).toHaveProperty("disabled", false);
    expect(screen.getByLabelText(/推送名字/)).toHaveProperty("value", "防汛语音");

    await confirmSend(user);
    await waitFor(() => expect(received).toHaveLength(2));
    expect(received[1]?.key).not.toBe(received[0]?.key);
    expect((await screen.findByRole("alert")).textContent).toContain("没有发出：短信签名未通过审核");
  });

  it("puts a server's per-field message next to the field", async () => {
    answer = {
      status: 400,
      body: { error: { code: "invalid_request", message: "提交的内容有误。", fields: { chuanbo_group: "用户组 #101 不存在" } } },
    };
    const user = openComposer();
    await confirmSend(user);
    expect((await screen.findByRole("alert")).textContent).toContain("没有发出：提交的内容有误。");
    expect(await screen.findByText("用户组 #101 不存在")).toBeTruthy();
  });

  it("says an unclear outcome may have gone out, links to its record, and resending the same push keeps its key", async () => {
    answer = {
      status: 504,
      body: { error: { code: "upstream_timeout", message: "传播通没有及时回应。", pushId: "p-4", status: "unknown" } },
    };
    const user = openComposer();
    await confirmSend(user);

    const alert = await screen.findByRole("alert");
    // The cause first, then what it means and whom to ask, said once.
    expect(
      within(alert).getByText("传播通没有及时回应。这条推送可能已经发出，也可能没有。请先向传播通平台或接收人核实，不要直接重发。"),
    ).toBeTruthy();
    expect(within(alert).getByRole("link", { name: "推送记录" }).getAttribute("href")).toBe("/history/p-4");
    expect(within(alert).getByRole("button", { name: "我已核实没有发出，作为新推送重发…" })).toBeTruthy();

    // The same content again only fetches the stored answer: the server sees the same key.
    await confirmSend(user);
    await waitFor(() => expect(received).toHaveLength(2));
    expect(received[1]?.key).toBe(received[0]?.key);
    expect((await screen.findByRole("alert")).textContent).toContain("这条推送可能已经发出，也可能没有。");
  });

  it("treats a lost connection as an unclear outcome", async () => {
    answer = (response) => response.destroy();
    const user = openComposer();
    await confirmSend(user);
    const alert = await screen.findByRole("alert");
    // One next step, not "retry" and "do not resend" together: send again unchanged, which fetches the result.
    expect(alert.textContent).toContain(
      "连不上控制台服务器，没有收到这次发送的结果，它可能已经发出，也可能没有。网络恢复后再点“发送”（内容不要改）",
    );
    expect(alert.textContent).not.toContain("请检查网络后重试");
    expect(alert.textContent).not.toContain("不要直接重发");
  });

  it("a session that ended meanwhile: not sent, said where the editor looks, with a way to sign in and come back", async () => {
    answer = {
      status: 401,
      body: {
        error: { code: "unauthenticated", message: "未登录或登录已失效（已过期、已在别处退出，或密码已被管理员重置），请重新登录。" },
      },
    };
    window.history.replaceState(null, "", "/compose?from=p-1");
    const user = openComposer();
    await confirmSend(user);
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("没有发出：登录已失效（已过期、已在别处退出，或密码已被管理员重置）。")).toBeTruthy();
    expect(within(alert).getByRole("link", { name: "重新登录" }).getAttribute("href")).toBe(
      "/sign-in?next=%2Fcompose%3Ffrom%3Dp-1&expired=1",
    );
    expect(screen.getByLabelText(/推送名字/)).toHaveProperty("value", "防汛语音");
    // Rendering the page again would go to the sign-in page before the editor read this.
    expect(recorded).toBe(0);
  });

  it("sends to the test group with its own busy state and notice", async () => {
    let held: ServerResponse | undefined;
    answer = (response) => (held = response);
    const user = openComposer();
    await user.click(screen.getByRole("button", { name: "发送到测试组" }));
    const busy = await screen.findByRole("button", { name: "正在发送到测试组…" });
    // Marked busy, not disabled: it keeps the keyboard's focus, and a second press sends nothing.
    expect(busy.getAttribute("aria-disabled")).toBe("true");
    expect(document.activeElement).toBe(busy);
    await user.click(busy);
    expect(screen.getByRole("button", { name: "发送…" })).toHaveProperty("disabled", true);
    expect(screen.queryByRole("status")).toBeNull();
    reply(held!, { status: 201, body: { id: "p-5", status: "sent", requestId: "r-5" } });
    expect((await screen.findByRole("status")).textContent).toBe("已发送到测试组（用户组 #999），请在测试手机上查看。");
    expect(received.map((r) => r.path)).toEqual(["/api/pushes/test"]);
  });

  it("shows one message at a time: a real send's failure replaces the test's notice, and a test replaces the failure", async () => {
    answer = { status: 201, body: { id: "p-8", status: "sent", requestId: "r-8" } };
    const user = openComposer();
    await user.click(screen.getByRole("button", { name: "发送到测试组" }));
    expect(await screen.findByText(/已发送到测试组/)).toBeTruthy();

    answer = {
      status: 502,
      body: { error: { code: "upstream_rejected", message: "短信签名未通过审核", upstreamCode: 40013, pushId: "p-9", status: "failed" } },
    };
    await confirmSend(user);
    expect((await screen.findByRole("alert")).textContent).toContain("没有发出：短信签名未通过审核");
    expect(screen.queryByText(/已发送到测试组/)).toBeNull();

    answer = { status: 201, body: { id: "p-10", status: "sent", requestId: "r-10" } };
    await user.click(screen.getByRole("button", { name: "发送到测试组" }));
    expect(await screen.findByText(/已发送到测试组/)).toBeTruthy();
    expect(screen.queryByText(/没有发出：短信签名未通过审核/)).toBeNull();
  });

  it("keeps saying a real send may have gone out after a test: that is the push's state, not a passing message", async () => {
    answer = (response) => response.destroy();
    const user = openComposer();
    await confirmSend(user);
    expect((await screen.findByRole("alert")).textContent).toContain("它可能已经发出，也可能没有。");

    answer = { status: 201, body: { id: "p-11", status: "sent", requestId: "r-11" } };
    await user.click(screen.getByRole("button", { name: "发送到测试组" }));
    expect(await screen.findByText(/已发送到测试组/)).toBeTruthy();
    expect(screen.getByRole("alert").textContent).toContain("它可能已经发出，也可能没有。");
  });
});

describe("before sending, the truth (the server's preflight)", () => {
  it("asks the server about the draft's channel, groups and type, and says a plain send needs no approval", async () => {
    openComposer();
    expect(await screen.findByText("按发送规则，无需审批即可发出。")).toBeTruthy();
    // Asked afresh on opening, even when an earlier answer for the same draft is still cached.
    await waitFor(() => expect(preflights).toContainEqual({ notify_way: 3, chuanbo_group: [101], chuanbo_type_id: 38 }));
  });

  it("a held draft: said under the groups, and the dialog says why and reads 提交审批", async () => {
    preflight = { decision: "hold", reasons: ["预计触达 26,704 人，达到审批线 20,000 人"], reach: { reach: 26_704, incomplete: false } };
    answer = { status: 202, body: { id: "p-6", status: "pending_approval" } };
    const user = openComposer();
    const notice = await screen.findByTestId("preflight");
    await within(notice).findByText("需要审核人批准后才会发出");
    expect(notice.textContent).toContain("预计触达 26,704 人，达到审批线 20,000 人");

    // The button says what a press leads to.
    await user.click(await screen.findByRole("button", { name: "提交审批…" }));
    const dialog = await screen.findByRole("dialog", { name: "确认提交审批：语音消息" });
    expect(dialog.textContent).toContain("需要审核人批准后才会发出");
    expect(dialog.textContent).toContain("预计触达 26,704 人，达到审批线 20,000 人");
    expect(within(dialog).queryByRole("button", { name: "确认发送" })).toBeNull();
    await user.click(within(dialog).getByRole("button", { name: "提交审批" }));
    expect(await screen.findByRole("heading", { name: /已提交审批/ })).toBeTruthy();
  });

  it("asks again after a send that did not go out: the sender's counts moved, the draft did not", async () => {
    answer = {
      status: 502,
      body: { error: { code: "upstream_rejected", message: "短信签名未通过审核", upstreamCode: 40013, pushId: "p-7", status: "failed" } },
    };
    const user = openComposer();
    const notice = await screen.findByTestId("preflight");
    await within(notice).findByText("按发送规则，无需审批即可发出。");
    // From now on (the failure recorded) the server's count of this hour's pushes is at its cap.
    preflight = {
      decision: "refuse",
      code: "push_rate_limited",
      reasons: ["每人每小时最多发送 20 条推送，你在过去一小时内已经发了 20 条，本条没有发送。请稍后再发；确有急需，请联系管理员调整上限。"],
      reach: null,
    };
    await confirmSend(user);
    expect(await screen.findByRole("alert")).toBeTruthy();
    await within(screen.getByTestId("preflight")).findByText("这样不能发送");
    expect(screen.getByTestId("preflight").textContent).toContain("你在过去一小时内已经发了 20 条");
    expect(preflights.length).toBeGreaterThanOrEqual(2);
  });

  it("a refused draft cannot be confirmed: 发送… brings the editor to why, and nothing is sent", async () => {
    preflight = {
      decision: "refuse",
      code: "reach_exceeded",
      reasons: ["这条推送预计触达 120,000 人，超过了单条推送 100,000 人的上限，现在不能发送。请减少用户组后分批发送。"],
      reach: { reach: 120_000, incomplete: false },
    };
    const user = openComposer();
    const notice = await screen.findByTestId("preflight");
    await within(notice).findByText("这样不能发送");
    await user.click(screen.getByRole("button", { name: "发送…" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.activeElement).toBe(notice);
    expect(notice.textContent).toContain("请减少用户组后分批发送");
    expect(received).toEqual([]);
  });
});

describe("短信 over 70 characters", () => {
  const sms = (template: string): Draft =>
    newDraft({ ...ready().values, notify_way: 2, msg_sign_id: 7, msg_template: template, voice_content: "" }, [group]);

  it("is an error said once, at once, and nothing counts it as messages", async () => {
    openComposer(sms("字".repeat(71)));
    expect(await screen.findAllByText("短信模板最多 70 个字，现在有 71 个")).toHaveLength(1);
    expect(screen.queryByText(/计 \d+ 条短信/)).toBeNull();
    expect(screen.queryByText(/预计短信/)).toBeNull();
  });

  it("a template that fits is counted with its 【签名】, and may bill two", async () => {
    openComposer(sms("字".repeat(70)));
    expect((await screen.findAllByText(/预计短信 2,400 条/)).length).toBeGreaterThan(0);
    expect(screen.queryByText(/短信模板最多/)).toBeNull();
    expect(screen.getAllByText(/计 2 条短信/).length).toBeGreaterThan(0);
  });
});
