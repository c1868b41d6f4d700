"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { buttonClasses } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ApiError } from "@/lib/api/fetch-json";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, type Role } from "@/lib/auth/roles";
import { sendJson } from "@/lib/auth/send-json";
import { DISPLAY_NAME_MAX, newUserSchema, type NewUser, type UserSummary } from "@/lib/auth/user-schema";
import { useUsers } from "@/lib/auth/users-query";
import { InlineAlert } from "@/components/ui/inline-alert";
import { Field, fieldAria } from "@/components/ui/field";
import { TextInput } from "@/components/ui/text-input";

function RoleBoxes({ value, onChange, legend, invalid }: { value: Role[]; onChange: (roles: Role[]) => void; legend: string; invalid?: boolean }) {
  return (
    <fieldset aria-invalid={invalid || undefined}>
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {ROLES.map((role) => (
          <label key={role} className="flex items-center gap-1.5 text-sm" title={ROLE_DESCRIPTIONS[role]}>
            <input
              type="checkbox"
              checked={value.includes(role)}
              onChange={(event) => onChange(event.target.checked ? [...value, role] : value.filter((r) => r !== role))}
            />
            {ROLE_LABELS[role]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function AddUser({ onDone }: { onDone: (message: string) => void }) {
  const { register, control, handleSubmit, reset, setError, formState } = useForm<NewUser>({
    resolver: zodResolver(newUserSchema),
    defaultValues: { username: "", name: "", roles: [], password: "" },
  });
  const { errors, isSubmitting } = formState;
  const [failure, setFailure] = useState<string | null>(null);
  async function submit(values: NewUser) {
    setFailure(null);
    try {
      const user = await sendJson<UserSummary>("POST", "/api/admin/users", values);
      reset();
      onDone(`已新增用户 ${user.username}。请把密码当面或通过安全渠道交给本人。`);
    } catch (error) {
      if (error instanceof ApiError && error.fields.username) setError("username", { message: error.fields.username });
      else setFailure((error as Error).message);
    }
  }
  return (
    <form onSubmit={handleSubmit(submit)} noValidate aria-label="新增用户" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
      <h2 className="text-base font-semibold sm:col-span-2">新增用户</h2>
      <Field id="new-username" label="用户名" required error={errors.username?.message}>
        <TextInput autoComplete="off" {...fieldAria("new-username", errors.username?.message)} {...register("username")} />
      </Field>
      <Field id="new-name" label="姓名" required error={errors.name?.message}>
        <TextInput autoComplete="off" maxLength={DISPLAY_NAME_MAX} {...fieldAria("new-name", errors.name?.message)} {...register("name")} />
      </Field>
      <Field id="new-password" label="初始密码" required error={errors.password?.message}>
        <TextInput type="password" autoComplete="new-password" {...fieldAria("new-password", errors.password?.message)} {...register("password")} />
      </Field>
      <div>
        <Controller
          control={control}
          name="roles"
          render={({ field: { value, onChange } }) => <RoleBoxes legend="角色" value={value} onChange={onChange} invalid={!!errors.roles} />}
        />
        {errors.roles && <p className="mt-1 text-sm text-red-700">{errors.roles.message}</p>}
      </div>
      {failure && (
        <p role="alert" className="text-sm text-red-700 sm:col-span-2">
          {failure}
        </p>
      )}
      <div className="sm:col-span-2">
        <button type="submit" disabled={isSubmitting} className={buttonClasses("primary")}>
          {isSubmitting ? "正在新增…" : "新增用户"}
        </button>
      </div>
    </form>
  );
}

type Editing = { user: UserSummary; kind: "roles" | "password" };

export function UserAdmin({ me }: { me: string }) {
  const users = useUsers();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [roles, setRoles] = useState<Role[]>([]);
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);

  async function patch(user: UserSummary, body: object, done: string) {
    setBusy(true);
    setFailure(null);
    try {
      await sendJson("PATCH", `/api/admin/users/${user.id}`, body);
      setNotice(done);
      setEditing(null);
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setBusy(false);
      await queryClient.invalidateQueries({ queryKey: ["admin-users"] });
    }
  }

  const refresh = async (message: string) => {
    setNotice(message);
    await queryClient.invalidateQueries({ queryKey: ["admin-users"] });
  };

  return (
    <div className="space-y-4">
      {notice && (
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {notice}
        </p>
      )}
      {failure && !editing && (
        <InlineAlert>
          {failure}
        </InlineAlert>
      )}
      {users.isPending && <p className="text-sm text-slate-600">正在加载用户…</p>}
      {users.isError && (
        <p role="alert" className="text-sm text-red-700">
          {users.error.message}
        </p>
      )}
      {users.data && (
        <table className="w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">用户列表</caption>
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">用户名</th>
              <th scope="col" className="px-3 py-2 font-medium">姓名</th>
              <th scope="col" className="px-3 py-2 font-medium">角色</th>
              <th scope="col" className="px-3 py-2 font-medium">状态</th>
              <th scope="col" className="px-3 py-2 font-medium">操作</th>
            </tr>
          </thead>
          <tbody>
            {users.data.records.map((user) => (
              <tr key={user.id} className="border-b border-slate-100">
                <th scope="row" className="px-3 py-2 font-mono font-normal">
                  {user.username}
                  {user.username === me && <span className="ml-1 text-xs text-slate-500">（你）</span>}
                </th>
                <td className="px-3 py-2">{user.name}</td>
                <td className="px-3 py-2">{user.roles.map((role) => ROLE_LABELS[role]).join("、") || "无"}</td>
                <td className="px-3 py-2">{user.disabled ? <span className="text-red-700">已停用</span> : "正常"}</td>
                <td className="px-3 py-2">
                  <div className="flex flex-wrap gap-1.5">
                    <button
                      type="button"
                      className={buttonClasses("secondary")}
                      aria-label={`修改 ${user.username} 的角色`}
                      onClick={() => {
                        setRoles(user.roles);
                        setFailure(null);
                        setEditing({ user, kind: "roles" });
                      }}
                    >
                      改角色
                    </button>
                    <button
                      type="button"
                      className={buttonClasses("secondary")}
                      aria-label={`重置 ${user.username} 的密码`}
                      onClick={() => {
                        setPassword("");
                        setFailure(null);
                        setEditing({ user, kind: "password" });
                      }}
                    >
                      重置密码
                    </button>
                    <button
                      type="button"
                      disabled={busy}
                      className={user.disabled ? buttonClasses("secondary") : buttonClasses("danger")}
                      aria-label={`${user.disabled ? "启用" : "停用"} ${user.username}`}
                      onClick={() =>
                        patch(user, { disabled: !user.disabled }, user.disabled ? `已启用 ${user.username}。` : `已停用 ${user.username}，并已让他在各处退出登录。`)
                      }
                    >
                      {user.disabled ? "启用" : "停用"}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AddUser onDone={refresh} />

      <Dialog
        open={editing !== null}
        title={editing?.kind === "roles" ? `修改 ${editing.user.username} 的角色` : `重置 ${editing?.user.username ?? ""} 的密码`}
        onClose={() => setEditing(null)}
      >
        {editing && (
          <form
            noValidate
            className="space-y-3"
            onSubmit={(event) => {
              event.preventDefault();
              if (editing.kind === "roles") {
                if (roles.length === 0) return setFailure("至少选择一个角色");
                void patch(editing.user, { roles }, `已更新 ${editing.user.username} 的角色。`);
              } else {
                if (password.length < 10) return setFailure("密码至少 10 位");
                void patch(editing.user, { password }, `已重置 ${editing.user.username} 的密码，并已让他在各处退出登录。`);
              }
            }}
          >
            {editing.kind === "roles" ? (
              <RoleBoxes legend="角色" value={roles} onChange={setRoles} />
            ) : (
              <Field id="reset-password" label="新密码" required>
                <TextInput id="reset-password" type="password" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} />
              </Field>
            )}
            {failure && (
              <p role="alert" className="text-sm text-red-700">
                {failure}
              </p>
            )}
            <div className="flex justify-end gap-2">
              <button type="button" className={buttonClasses("secondary")} onClick={() => setEditing(null)}>
                取消
              </button>
              <button type="submit" disabled={busy} className={buttonClasses("primary")}>
                {busy ? "正在保存…" : "保存"}
              </button>
            </div>
          </form>
        )}
      </Dialog>
    </div>
  );
}
