import { GroupsTableSkeleton } from "@/components/groups/groups-table-frame";

export default function Loading() {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">用户组</h1>
      <p role="status" className="sr-only">
        正在加载用户组…
      </p>
      <GroupsTableSkeleton rows={10} />
    </div>
  );
}
