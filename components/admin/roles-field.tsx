"use client";

import { Controller, type Control, type FieldValues, type Path, type RefCallBack } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, type Role } from "@/lib/auth/roles";

/**
 * 角色 in a user form: a checkbox per role, in a fieldset carrying the form's error for the set.
 * The first box takes focus for the set (an error found on submit or by the server; `autoFocus`
 * when it is a dialog's first field).
 */
export function RolesField<T extends FieldValues & { roles: Role[] }, Out>({
  control,
  id,
  autoFocus,
  kept,
}: {
  control: Control<T, unknown, Out>;
  id: string;
  autoFocus?: boolean;
  /** A role this person must keep (the console's last admin), and why: its box is fixed, the reason its hint. */
  kept?: { role: Role; why: string };
}) {
  return (
    <Controller
      control={control}
      name={"roles" as Path<T>}
      render={({ field, fieldState }) => (
        <Field group id={id} label="角色" required error={fieldState.error?.message} hint={kept?.why}>
          <RoleBoxes value={field.value} onChange={field.onChange} firstRef={field.ref} autoFocus={autoFocus} kept={kept?.role} />
        </Field>
      )}
    />
  );
}

function RoleBoxes(props: { value: Role[]; onChange: (roles: Role[]) => void; firstRef: RefCallBack; autoFocus?: boolean; kept?: Role }) {
  const { value, onChange, firstRef, autoFocus, kept } = props;
  return (
    <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
      {ROLES.map((role, index) => (
        <label key={role} className="flex items-center gap-1.5 text-sm" title={ROLE_DESCRIPTIONS[role]}>
          <input
            type="checkbox"
            ref={index === 0 ? firstRef : undefined}
            data-autofocus={index === 0 && autoFocus ? true : undefined}
            checked={value.includes(role)}
            disabled={role === kept}
            onChange={(event) => onChange(event.target.checked ? [...value, role] : value.filter((r) => r !== role))}
          />
          {ROLE_LABELS[role]}
        </label>
      ))}
    </div>
  );
}
