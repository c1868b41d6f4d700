"use client";

import { Controller, type Control, type FieldValues, type Path } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, type Role } from "@/lib/auth/roles";

/** 角色 in a user form: a checkbox per role, in a fieldset carrying the form's error for the set. */
export function RolesField<T extends FieldValues & { roles: Role[] }, Out>({
  control,
  id,
}: {
  control: Control<T, unknown, Out>;
  id: string;
}) {
  return (
    <Controller
      control={control}
      name={"roles" as Path<T>}
      render={({ field, fieldState }) => (
        <Field group id={id} label="角色" required error={fieldState.error?.message}>
          <RoleBoxes value={field.value} onChange={field.onChange} />
        </Field>
      )}
    />
  );
}

function RoleBoxes({ value, onChange }: { value: Role[]; onChange: (roles: Role[]) => void }) {
  return (
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
  );
}
