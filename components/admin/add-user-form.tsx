"use client";

import { type ReactNode, useEffect } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { RolesField } from "@/components/admin/roles-field";
import { refusedFields, showServerFields } from "@/components/admin/server-fields";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/error-text";
import { Field } from "@/components/ui/field";
import { focusWhenShown } from "@/components/ui/focus";
import { TextInput } from "@/components/ui/text-input";
import { DISPLAY_NAME_MAX } from "@/lib/auth/user-limits";
import { useCreateUser } from "@/lib/auth/users-query";
import { userWithAccount } from "@/lib/text/person";
import type { NewUser } from "@/lib/auth/user-schema";

// The schema (zod and its resolver) loads after the page is interactive, as the composer's does:
// nothing is checked before the first submit, and the page ships no zod on first load.
const loadResolver = () => import("@/components/admin/new-user-resolver").then((m) => m.newUserResolver);
const resolver: Resolver<NewUser> = async (values, context, options) => (await loadResolver())(values, context, options);

const FIELDS = ["username", "name", "password", "roles"] as const;
/** The form's one place for how it went, beside 新增用户, where the admin is looking. */
const RESULT_ID = "add-user-result";
const focusResult = () => focusWhenShown(() => document.getElementById(RESULT_ID));

/**
 * 新增用户, on the schema POST /api/admin/users parses. A refusal about a field (a taken username)
 * shows under that field, which takes focus; any other result shows beside the button, focused.
 * `result` is the page's one message when it is about this form (a new one replaces it).
 */
export function AddUserForm({ result, onResult }: { result: ReactNode; onResult: (message: string | null) => void }) {
  const create = useCreateUser();
  const { register, control, handleSubmit, reset, setError, formState } = useForm<NewUser>({
    resolver,
    defaultValues: { username: "", name: "", roles: [], password: "" },
  });
  const { errors, isSubmitting } = formState;
  useEffect(() => {
    void loadResolver();
  }, []);
  const failure = refusedFields(create.error, FIELDS).length > 0 ? null : create.error;

  const submit = handleSubmit(async (values) => {
    onResult(null);
    try {
      const user = await create.mutateAsync(values);
      reset();
      onResult(`已新增用户「${userWithAccount(user)}」。请把密码当面或通过安全渠道交给本人。`);
      focusResult();
    } catch (error) {
      if (!showServerFields(error, FIELDS, setError)) focusResult();
    }
  });

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="新增用户"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2"
    >
      <h2 className="text-base font-semibold sm:col-span-2">新增用户</h2>
      <Field id="new-username" label="用户名" required error={errors.username?.message}>
        <TextInput autoComplete="off" {...register("username")} />
      </Field>
      <Field id="new-name" label="姓名" required error={errors.name?.message}>
        <TextInput autoComplete="off" maxLength={DISPLAY_NAME_MAX} {...register("name")} />
      </Field>
      <Field id="new-password" label="初始密码" required error={errors.password?.message}>
        <TextInput type="password" autoComplete="new-password" {...register("password")} />
      </Field>
      <RolesField control={control} id="new-roles" />
      {failure ? (
        <Alert id={RESULT_ID} tabIndex={-1} variant="error" className="sm:col-span-2">
          <ErrorText error={failure} />
        </Alert>
      ) : (
        result && (
          <Alert id={RESULT_ID} tabIndex={-1} variant="success" className="sm:col-span-2">
            {result}
          </Alert>
        )
      )}
      <div className="sm:col-span-2">
        <button type="submit" disabled={isSubmitting} className={buttonClasses("primary")}>
          {isSubmitting ? "正在新增…" : "新增用户"}
        </button>
      </div>
    </form>
  );
}
