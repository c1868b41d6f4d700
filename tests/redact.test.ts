import { describe, expect, it } from "vitest";
import { redactAnswer, redactJson, redactText } from "@/lib/server/redact";

// Vendor text that echoes a credential: every spelling of it becomes ***.

const plain = "cn-test-5e1f0b9a77c4d2e8";
const hostile = 'cn"q\\uo/te.*+?(x)$1';

describe("redactText", () => {
  it.each([
    ["as is", `connectNo ${plain} 无权限`, [plain], "connectNo *** 无权限"],
    ["twice", `${plain}/${plain}`, [plain], "***/***"],
    ["regex characters and $1 are plain text", `x ${hostile} y`, [hostile], "x *** y"],
    ["JSON-escaped", JSON.stringify({ message: `bad ${hostile}` }), [hostile], '{"message":"bad ***"}'],
    ["JSON-escaped with \\/", '{"m":"cn\\"q\\\\uo\\/te.*+?(x)$1"}', [hostile], '{"m":"***"}'],
    ["URL-encoded", `connectNo=${encodeURIComponent(hostile)}&x=1`, [hostile], "connectNo=***&x=1"],
    ["the signing secret too", "sig secret-abc and cn-1", ["cn-1", "secret-abc"], "sig *** and ***"],
    ["a secret that contains another, whole", "abc-long-secret", ["abc", "abc-long-secret"], "***"],
    ["absent and empty secrets are ignored", "nothing here", [undefined, ""], "nothing here"],
  ])("%s", (_label, text, secrets, expected) => {
    expect(redactText(text, secrets)).toBe(expected);
  });
});

describe("redactAnswer", () => {
  it("redacts inside a parsed JSON answer, including a credential escaped as \\u", () => {
    const escaped = '{"code":401,"message":"connectNo \\u0063n-\\u4e2d\\u6587 无效","data":{"list":[{"t":"cn-中文"}]}}';
    expect(redactAnswer(escaped, ["cn-中文"]).json).toEqual({ code: 401, message: "connectNo *** 无效", data: { list: [{ t: "***" }] } });
  });

  it("never breaks the JSON where a credential equals a number", () => {
    const { json } = redactAnswer('{"code":0,"data":{"total":12345,"title":"12345"}}', ["12345"]);
    expect(json).toEqual({ code: 0, data: { total: 12345, title: "***" } });
  });

  it("redacts a non-JSON answer as text, and says it is not JSON", () => {
    expect(redactAnswer(`<html>${plain}</html>`, [plain])).toEqual({ text: "<html>***</html>", json: undefined });
  });

  it("leaves other values alone", () => {
    expect(redactJson([1, true, null, { a: "b" }], [plain])).toEqual([1, true, null, { a: "b" }]);
  });
});
