"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type Resolver } from "react-hook-form";
import * as z from "zod/mini";
import { RolesField } from "@/components/admin/roles-field";
import { Alert } from "@/components/ui/alert";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { TextInput } from "@/components/ui/text-input";
import { userPatchSchema, type UserPatch, type UserSummary } from "@/lib/auth/user-schema";
import { useUpdateUser } from "@/lib/auth/users-query";

// 改角色 and 重置密码: one PATCH /api/admin/users/:id each, on the route's own schema with that
// one field required.

export type Editing = { user: UserSummary; kind: "roles" | "password" };

const patchSchemas = {
  roles: z.required(z.pick(userPatchSchema, { roles: true })),
  password: z.required(z.pick(userPatchSchema, { password: true })),
};
type EditValues = { roles: UserSummary["roles"]; password: string };
// The form holds both fields; the kind's schema keeps (and checks) its own, which is the patch.
const patchResolver = (kind: Editing["kind"]) => zodResolver(patchSchemas[kind]) as unknown as Resolver<EditValues, unknown, UserPatch>;

export function EditUserDialog(props: { editing: Editing | null; onClose: () => void; onDone: (message: string) => void }) {
  const { editing, onClose, onDone } = props;
  const title = editing?.kind === "roles" ? `修改 ${editing.user.username} 的角色` : `重置 ${editing?.user.username ?? ""} 的密码`;
  return (
    <Dialog open={editing !== null} title={title} onClose={onClose}>
      {editing && <EditUserForm key={`${editing.user.id}-${editing.kind}`} editing={editing} onClose={onClose} onDone={onDone} />}
    </Dialog>
  );
}

function EditUserForm({ editing, onClose, onDone }: { editing: Editing; onClose: () => void; onDone: (message: string) => void }) {
  const { user, kind } = editing;
  const update = useUpdateUser();
  const { register, control, handleSubmit, formState } = useForm<EditValues, unknown, UserPatch>({
    resolver: patchResolver(kind),
    defaultValues: { roles: user.roles, password: "" },
  });
  const { errors, isSubmitting } = formState;

  const submit = handleSubmit(async (patch) => {
    try {
      await update.mutateAsync({ id: user.id, patch });
      onDone(kind === "roles" ? `已更新 ${user.username} 的角色。` : `已重置 ${user.username} 的密码，并已让该用户在各处退出登录。`);
    } catch {
      // Shown from update.error; the dialog stays open with what was typed.
    }
  });

  return (
    <form noValidate className="space-y-3" onSubmit={submit}>
      {kind === "roles" ? (
        <RolesField control={control} id="edit-roles" />
      ) : (
        <Field id="reset-password" label="新密码" required error={errors.password?.message}>
          <TextInput type="password" autoComplete="new-password" {...register("password")} />
        </Field>
      )}
      {update.error && <Alert variant="error">{update.error.message}</Alert>}
      <DialogActions onCancel={onClose} busy={isSubmitting} label="保存" busyLabel="正在保存…" />
    </form>
  );
}
