import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson, sendJson } from "@/lib/api/fetch-json";
import type { NewUser, UserPatch, UserSummary } from "@/lib/auth/user-schema";

// Users (GET/POST /api/admin/users, PATCH /api/admin/users/:id): keys, query options, hooks.

export const userKeys = {
  all: ["users"] as const,
  list: () => [...userKeys.all, "list"] as const,
};

export const usersQueryOptions = () =>
  queryOptions({
    queryKey: userKeys.list(),
    queryFn: ({ signal }) => fetchJson<{ records: UserSummary[] }>("/api/admin/users", { signal }),
    staleTime: 0,
  });

export const useUsers = () => useQuery(usersQueryOptions());

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (user: NewUser) => sendJson<UserSummary>("POST", "/api/admin/users", user),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

/** A failed change refetches too: the list then shows what the server holds. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UserPatch }) =>
      sendJson<UserSummary>("PATCH", `/api/admin/users/${encodeURIComponent(id)}`, patch),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
