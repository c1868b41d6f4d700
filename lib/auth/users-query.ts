import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { UserSummary } from "@/lib/auth/user-schema";

// Users (GET /api/admin/users): fetcher, query options and hook.

export const usersQuery = queryOptions({
  queryKey: ["admin-users"],
  queryFn: ({ signal }) => fetchJson<{ records: UserSummary[] }>("/api/admin/users", { signal }),
  staleTime: 0,
});

export const useUsers = () => useQuery(usersQuery);
