import { describe, expect, it } from "vitest";
import { inRequest, setRequestUser, upstreamRequestId } from "@/lib/server/log";

// The id a console request answers in x-request-id is the one its push_create carries; every other
// upstream call gets an id of its own (the vendor may treat ids as once-only).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("upstream request ids", () => {
  it("outside a request (the scheduler): a fresh UUID each call", () => {
    const ids = [upstreamRequestId("push_create"), upstreamRequestId("push_create"), upstreamRequestId("group_list")];
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(3);
  });

  it("inside a request: group_list calls get their own, the push_create the request's, once; and the user it signed in as", async () => {
    const [ids, user] = await inRequest("request-1", async () => {
      const lookup = upstreamRequestId("group_list");
      await new Promise((resolve) => setTimeout(resolve, 1));
      setRequestUser("demo-editor");
      return [lookup, upstreamRequestId("push_create"), upstreamRequestId("push_create"), upstreamRequestId("group_list")];
    });
    expect(ids[0]).toMatch(UUID);
    expect(ids[1]).toBe("request-1");
    expect(ids[2]).toMatch(UUID);
    expect(ids[3]).toMatch(UUID);
    expect(new Set(ids).size).toBe(4);
    expect(user).toBe("demo-editor");
  });

  it("two requests at once each send their own id with their push", async () => {
    const both = await Promise.all(
      ["request-a", "request-b"].map((id) =>
        inRequest(id, async () => {
          await new Promise((resolve) => setTimeout(resolve, 1));
          return upstreamRequestId("push_create");
        }),
      ),
    );
    expect(both).toEqual([
      ["request-a", null],
      ["request-b", null],
    ]);
  });
});
