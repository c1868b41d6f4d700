// A separate process for the store's concurrency tests: opens the store, says "ready", and on "go"
// (a line on stdin) begins one push, printing what it got. Run with tsx and the react-server condition.
// With CAP, the push passes a per-user hourly cap of that many, decided inside the store's transaction.
import { createInterface } from "node:readline";
import { openPushStore } from "@/lib/server/pushes/store";
import { targetOf } from "./database-target";

const [target, key, push, sentBy, cap] = process.argv.slice(2);
if (!target || !key || !push) throw new Error("usage: begin-push.ts FILE|POSTGRES_URL KEY PUSH_JSON [SENT_BY [CAP]]");
void openPushStore(targetOf(target)).then((store) => {
  const lines = createInterface({ input: process.stdin });
  console.log("ready");
  lines.once("line", async () => {
    const result = await store.begin<"capped">({
      key,
      push: JSON.parse(push),
      isTest: false,
      sentBy: sentBy || null,
      ...(cap
        ? {
            admit: {
              windowMinutes: 60,
              decide: ({ recentCount }) => (recentCount >= Number(cap) ? { kind: "refuse", refusal: "capped" } : { kind: "send" }),
            },
          }
        : {}),
    });
    console.log(JSON.stringify({ kind: result.kind, id: result.kind === "refused" ? null : result.record.id }));
    await store.close();
    lines.close();
  });
});
