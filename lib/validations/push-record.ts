import type { Push } from "@/lib/validations/push";

// Stand-in for the push store's record type (replaced at merge).

export type PushRecord = {
  id: string;
  created_at: string;
  finished_at: string | null;
  name: string;
  notify_way: 1 | 2 | 3;
  chuanbo_group: number[];
  reach: number | null;
  reach_incomplete: boolean;
  status: "pending" | "sent" | "failed" | "unknown";
  upstream_code: number | null;
  upstream_message: string | null;
  request_id: string | null;
  is_test: boolean;
  sent_by: string | null;
  body: Push;
};

export type PushListQuery = { current: number; size: number; notify_way?: 1 | 2 | 3; status?: PushRecord["status"] };
