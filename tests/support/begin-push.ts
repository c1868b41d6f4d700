// A separate process for the store's concurrency test: opens the store, says "ready", and on "go"
// (a line on stdin) begins one push, printing what it got. Run with tsx and the react-server condition.
import { createInterface } from "node:readline";
import { openPushStore } from "@/lib/server/push-store";

const [file, key, push] = process.argv.slice(2);
if (!file || !key || !push) throw new Error("usage: begin-push.ts FILE KEY PUSH_JSON");
const store = openPushStore(file);
const lines = createInterface({ input: process.stdin });
console.log("ready");
lines.once("line", async () => {
  const result = await store.begin({ key, push: JSON.parse(push), isTest: false, sentBy: null });
  console.log(JSON.stringify({ kind: result.kind, id: result.record.id }));
  store.close();
  lines.close();
});
