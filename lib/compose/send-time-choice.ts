import { toChinaLocalInput } from "@/lib/pushes/china-local-input";

// What the editor chose for 发送时间 (立即 or 定时, in Beijing time, and 免打扰's override); the
// rules that judge it are in send-time.ts.

export type SendTimeChoice = {
  mode: "now" | "scheduled";
  /** The picker's value, `YYYY-MM-DDTHH:mm` in Beijing time. */
  local: string;
  /** 仍然发送 inside 免打扰 was chosen; then a reason is needed. */
  overrideQuiet: boolean;
  quietReason: string;
};

export const immediately: SendTimeChoice = { mode: "now", local: "", overrideQuiet: false, quietReason: "" };

/** A scheduled push the composer changes (its edit mode): its id, time and 免打扰 reason as recorded. */
export type EditTarget = { id: string; scheduledAt: string; quietHoursReason: string | null };

/** The send time of a push being changed: its time (it stays scheduled), and its reason if it had one. */
export function editedTime(edit: EditTarget): SendTimeChoice {
  return {
    mode: "scheduled",
    local: toChinaLocalInput(new Date(edit.scheduledAt)),
    overrideQuiet: edit.quietHoursReason !== null,
    quietReason: edit.quietHoursReason ?? "",
  };
}
