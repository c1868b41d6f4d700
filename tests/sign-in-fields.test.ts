import { describe, expect, it } from "vitest";
import { signInName, signInProblems } from "@/lib/auth/sign-in-fields";

// The sign-in form's own check says only what is missing; better-auth decides everything else.

describe("signInProblems", () => {
  it.each([
    [
      { username: "", password: "" },
      { username: "请输入用户名", password: "请输入密码" },
    ],
    [{ username: "   ", password: "x" }, { username: "请输入用户名" }],
    [{ username: "\t\n\u3000", password: "x" }, { username: "请输入用户名" }],
    [{ username: "demo-editor", password: "" }, { password: "请输入密码" }],
    // A password is never trimmed: spaces may be all of it.
    [{ username: "demo-editor", password: " " }, {}],
    [{ username: " demo-editor ", password: "chuanbo-demo" }, {}],
    [{ username: "<script>", password: "' OR 1=1 --" }, {}],
  ])("%j → %j", (values, problems) => {
    expect(signInProblems(values)).toEqual(problems);
  });
});

describe("signInName", () => {
  it.each([
    [" Demo-Editor ", "demo-editor"],
    ["\tDEMO-ADMIN\n", "demo-admin"],
    ["编辑", "编辑"],
  ])("%j → %j", (typed, sent) => {
    expect(signInName(typed)).toBe(sent);
  });
});
