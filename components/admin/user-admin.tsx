"use client";

import { type ReactNode, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { ConfirmActions } from "@/components/ui/confirm-actions";
import { ErrorText } from "@/components/ui/error-text";
import { focusWhenShown } from "@/components/ui/focus";
import { Loading, onDemand } from "@/components/ui/on-demand";
import { RetryableError } from "@/components/ui/retryable-error";
import { TableHead } from "@/components/ui/table-head";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { leavesNoAdmin, mayDisable, otherAdmins } from "@/lib/auth/user-rules";
import { useUpdateUser, useUsers } from "@/lib/auth/users-query";
import { userWithAccount } from "@/lib/text/person";
import type { Editing } from "@/components/admin/edit-user-dialog";
import type { UserSummary } from "@/lib/auth/user-schema";

// Loaded on demand: most visits change nobody's roles or password, and add nobody (the form, below
// the list, brings react-hook-form and the roles' fields).
const AddUserForm = onDemand(
  () => import("@/components/admin/add-user-form").then((m) => m.AddUserForm),
  <Loading>正在载入新增用户表单…</Loading>,
);
// The 停用 question too: always mounted (closed), so it is fetched as soon as the page is up.
const Dialog = onDemand(() => import("@/components/ui/dialog").then((m) => m.Dialog));
const EditUserDialog = onDemand(() => import("@/components/admin/edit-user-dialog").then((m) => m.EditUserDialog));

// One message at a time, beside what it is about: in a person's row for that row's actions (and
// their dialogs), beside 新增用户 for its result.
// Each row message has an id of its own, so focus finds the new one, not the one it replaces.
type Message = { variant: "success" | "error"; text: ReactNode; about: { row: string } | "add"; n: number };
const rowResultId = (n: number) => `user-row-result-${n}`;

/** 用户管理: every user with roles and state, 改角色 / 重置密码 / 停用 (asked first) or 启用, and 新增用户. */
export function UserAdmin({ me }: { me: string }) {
  const users = useUsers();
  const toggle = useUpdateUser();
  // Each result replaces the last.
  const [message, setMessage] = useState<Message | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [disabling, setDisabling] = useState<UserSummary | null>(null);
  const said = useRef(0);
  /** Says `text` in `user`'s row; returns how to find it. */
  const inRow = (user: UserSummary, variant: Message["variant"], text: ReactNode) => {
    const n = ++said.current;
    setMessage({ variant, text, about: { row: user.id }, n });
    return () => document.getElementById(rowResultId(n));
  };

  const edit = (next: Editing) => {
    toggle.reset();
    setEditing(next);
  };
  const setDisabled = (user: UserSummary, disabled: boolean) =>
    toggle.mutate(
      { id: user.id, patch: { disabled } },
      {
        // The button pressed gives way to its opposite, so focus goes to the result beside it.
        onSuccess: () => {
          setDisabling(null);
          const who = userWithAccount(user);
          focusWhenShown(inRow(user, "success", disabled ? `已停用「${who}」，并已让对方在各处退出登录。` : `已启用「${who}」。`));
        },
        onError: (error) => {
          setDisabling(null);
          // After a 401, the message links to sign in again (in a new tab), so that the button then works.
          focusWhenShown(inRow(user, "error", <ErrorText error={error} />));
        },
      },
    );

  return (
    <div className="space-y-4">
      {users.isPending && <p className="text-sm text-slate-600">正在加载用户…</p>}
      {users.isError && (
        <RetryableError
          title="用户列表没有加载出来"
          message={<ErrorText error={users.error} />}
          retrying={users.isFetching}
          onRetry={() => void users.refetch()}
        />
      )}
      {users.data && (
        <table className="stack-table w-full border-collapse bg-white text-left text-sm">
          <TableHead caption="用户列表" columns={["用户名", "姓名", "角色", "状态", "操作"]} />
          <tbody>
            {users.data.records.map((user) => {
              const who = userWithAccount(user);
              const result = message && message.about !== "add" && message.about.row === user.id ? message : null;
              return (
                <tr key={user.id} className="border-b border-slate-100">
                  <th scope="row" data-label="用户名" className="px-3 py-2 font-mono font-normal">
                    {user.username}
                    {user.username === me && <span className="ml-1 text-xs text-slate-500">（你）</span>}
                  </th>
                  <td data-label="姓名" className="px-3 py-2">
                    {user.name}
                  </td>
                  <td data-label="角色" className="px-3 py-2">
                    {user.roles.map((role) => ROLE_LABELS[role]).join("、") || "无"}
                  </td>
                  <td data-label="状态" className="px-3 py-2">
                    {user.disabled ? <span className="text-red-700">已停用</span> : "正常"}
                  </td>
                  <td data-label="操作" className="px-3 py-2">
                    <div className="min-w-0 space-y-2">
                      <div className="flex flex-wrap gap-1.5">
                        <button
                          type="button"
                          className={buttonClasses("secondary")}
                          aria-label={`改角色 ${who}`}
                          onClick={() =>
                            edit({
                              user,
                              kind: "roles",
                              lastAdmin: leavesNoAdmin(user, { roles: [] }, otherAdmins(user, users.data.records)),
                            })
                          }
                        >
                          改角色
                        </button>
                        <button
                          type="button"
                          className={buttonClasses("secondary")}
                          aria-label={`重置密码 ${who}`}
                          onClick={() => edit({ user, kind: "password" })}
                        >
                          重置密码
                        </button>
                        {user.disabled ? (
                          <button
                            type="button"
                            disabled={toggle.isPending}
                            className={buttonClasses("secondary")}
                            aria-label={`启用 ${who}`}
                            onClick={() => setDisabled(user, false)}
                          >
                            启用
                          </button>
                        ) : (
                          mayDisable(me, user) && (
                            <button
                              type="button"
                              disabled={toggle.isPending}
                              className={buttonClasses("danger")}
                              aria-label={`停用 ${who}`}
                              onClick={() => {
                                toggle.reset();
                                setDisabling(user);
                              }}
                            >
                              停用
                            </button>
                          )
                        )}
                      </div>
                      {result && (
                        <Alert key={result.n} id={rowResultId(result.n)} tabIndex={-1} dense variant={result.variant}>
                          {result.text}
                        </Alert>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <AddUserForm
        result={message?.about === "add" ? message.text : null}
        onResult={(text) => setMessage(text === null ? null : { variant: "success", text, about: "add", n: ++said.current })}
      />
      <EditUserDialog
        editing={editing}
        onClose={() => setEditing(null)}
        onDone={(text) => {
          if (editing) inRow(editing.user, "success", text);
          setEditing(null);
        }}
      />
      <Dialog
        open={disabling !== null}
        title={disabling ? `停用「${userWithAccount(disabling)}」？` : ""}
        onClose={() => setDisabling(null)}
        locked={toggle.isPending}
        footer={
          <ConfirmActions
            safeLabel="取消"
            label="确认停用"
            busyLabel="正在停用…"
            busy={toggle.isPending}
            onCancel={() => setDisabling(null)}
            onConfirm={() => disabling && setDisabled(disabling, true)}
          />
        }
      >
        <p className="text-sm">
          停用后，「{disabling && userWithAccount(disabling)}」会立刻在各处退出登录，并且不能再登录，直到管理员重新启用。
        </p>
      </Dialog>
    </div>
  );
}
