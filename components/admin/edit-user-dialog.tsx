"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type Resolver } from "react-hook-form";
import * as z from "zod/mini";
import { RolesField } from "@/components/admin/roles-field";
import { refusedFields, showServerFields } from "@/components/admin/server-fields";
import { Alert } from "@/components/ui/alert";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { ErrorText } from "@/components/ui/error-text";
import { Field } from "@/components/ui/field";
import { TextInput } from "@/components/ui/text-input";
import { LAST_ADMIN_REFUSED } from "@/lib/auth/last-admin";
import { passwordSchemaFor, userPatchSchema, type UserPatch, type UserSummary } from "@/lib/auth/user-schema";
import { useUpdateUser } from "@/lib/auth/users-query";
import { userWithAccount } from "@/lib/text/person";

// 改角色 and 重置密码: one PATCH /api/admin/users/:id each, on the route's own schema with that
// one field required. The password is checked against this user's username too, as the route does.

/** `lastAdmin`: the console's only active admin, who must keep 管理员 (the server refuses otherwise). */
export type Editing = { user: UserSummary; kind: "roles" | "password"; lastAdmin?: boolean };

const patchSchema = ({ user, kind }: Editing) =>
  kind === "roles" ? z.required(z.pick(userPatchSchema, { roles: true })) : z.object({ password: passwordSchemaFor(user.username) });
type EditValues = { roles: UserSummary["roles"]; password: string };
// The form holds both fields; the kind's schema keeps (and checks) its own, which is the patch.
const patchResolver = (editing: Editing) => zodResolver(patchSchema(editing)) as unknown as Resolver<EditValues, unknown, UserPatch>;

const FIELDS = ["roles", "password"] as const;
const TEXT = {
  roles: { title: (who: string) => `修改「${who}」的角色`, label: "保存角色", busyLabel: "正在保存…" },
  password: { title: (who: string) => `重置「${who}」的密码`, label: "重置密码", busyLabel: "正在重置…" },
};

export function EditUserDialog(props: { editing: Editing | null; onClose: () => void; onDone: (message: string) => void }) {
  const { editing, onClose, onDone } = props;
  const title = editing ? TEXT[editing.kind].title(userWithAccount(editing.user)) : "";
  return (
    <Dialog open={editing !== null} title={title} onClose={onClose}>
      {editing && <EditUserForm key={`${editing.user.id}-${editing.kind}`} editing={editing} onClose={onClose} onDone={onDone} />}
    </Dialog>
  );
}

function EditUserForm({ editing, onClose, onDone }: { editing: Editing; onClose: () => void; onDone: (message: string) => void }) {
  const { user, kind } = editing;
  const update = useUpdateUser();
  const { register, control, handleSubmit, setError, formState } = useForm<EditValues, unknown, UserPatch>({
    resolver: patchResolver(editing),
    defaultValues: { roles: user.roles, password: "" },
  });
  const { errors, isSubmitting } = formState;
  // A refusal about the field shows under it; anything else (the user is gone) in the box.
  const failure = refusedFields(update.error, FIELDS).length > 0 ? null : update.error;

  const submit = handleSubmit(async (patch) => {
    try {
      await update.mutateAsync({ id: user.id, patch });
      const who = userWithAccount(user);
      onDone(kind === "roles" ? `已更新「${who}」的角色。` : `已重置「${who}」的密码，并已让对方在各处退出登录。`);
    } catch (error) {
      // The dialog stays open with what was typed.
      showServerFields(error, FIELDS, setError);
    }
  });

  return (
    <form noValidate className="space-y-3" onSubmit={submit}>
      {kind === "roles" ? (
        <RolesField
          control={control}
          id="edit-roles"
          autoFocus
          kept={editing.lastAdmin ? { role: "admin", why: LAST_ADMIN_REFUSED } : undefined}
        />
      ) : (
        <Field id="reset-password" label="新密码" required error={errors.password?.message}>
          <TextInput type="password" autoComplete="new-password" data-autofocus {...register("password")} />
        </Field>
      )}
      {failure && (
        <Alert variant="error">
          <ErrorText error={failure} />
        </Alert>
      )}
      <DialogActions onCancel={onClose} busy={isSubmitting} label={TEXT[kind].label} busyLabel={TEXT[kind].busyLabel} />
    </form>
  );
}
