// Accounts from the command line, e.g. the first admin of a fresh install:
//   npm run user -- add zhangsan --role admin --name 张三
// Runs against the database the console uses (CHUANBO_DATABASE_PATH); every change is audited.
import { randomBytes } from "node:crypto";
import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import * as z from "zod/mini";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/roles";
import { newUserSchema, passwordSchemaFor, usernameSchema } from "@/lib/auth/user-schema";
import { ConfigError } from "@/lib/server/config";
import { createUser, listUsers, updateUser, userByName, UserChangeError } from "@/lib/server/users/users";
import { fieldErrors } from "@/lib/validations/field-errors";
import type { Actor } from "@/lib/server/actor";

const USAGE = `用法：
  npm run user -- add <用户名> --role editor [--role supervisor] [--name 姓名] [--password 密码]
  npm run user -- list
  npm run user -- roles <用户名> --role supervisor [--role editor]
  npm run user -- password <用户名> [--password 密码]
  npm run user -- disable <用户名>
  npm run user -- enable <用户名>
角色：${ROLES.map((role) => `${role}（${ROLE_LABELS[role]}）`).join("、")}。
不给 --password 时生成一个随机密码并只显示这一次。`;

class UsageError extends Error {}

const actor: Actor = { username: `cli:${userInfo().username}`, ip: null };

function roles(values: string[] | undefined): Role[] {
  const unknown = (values ?? []).filter((value) => !(ROLES as readonly string[]).includes(value));
  if (unknown.length > 0) throw new UsageError(`没有这个角色：${unknown.join("、")}。`);
  return (values ?? []) as Role[];
}

function check<T extends z.ZodMiniType>(schema: T, value: unknown): z.output<T> {
  const parsed = z.safeParse(schema, value);
  if (!parsed.success) throw new UsageError(Object.values(fieldErrors(parsed.error)).join("；") || "输入有误。");
  return parsed.data;
}

async function existing(name: string | undefined) {
  if (!name) throw new UsageError("缺少用户名。");
  const user = await userByName(check(usernameSchema, name));
  if (!user) throw new UsageError(`没有用户「${name}」。用 npm run user -- list 查看所有用户。`);
  return user;
}

async function main(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { role: { type: "string", multiple: true }, name: { type: "string" }, password: { type: "string" } },
  });
  const [command, name] = positionals;
  const generated = values.password === undefined ? randomBytes(12).toString("base64url") : undefined;
  const password = values.password ?? generated;
  switch (command) {
    case "add": {
      const input = check(newUserSchema, { username: name ?? "", name: values.name ?? name ?? "", roles: roles(values.role), password });
      const user = await createUser(input, actor);
      console.log(`已新增用户 ${user.username}（${user.roles.map((role) => ROLE_LABELS[role]).join("、")}）。`);
      break;
    }
    case "list":
      for (const user of await listUsers()) {
        const state = user.disabled ? "已停用" : "正常";
        console.log(`${user.username}\t${user.name}\t${user.roles.map((role) => ROLE_LABELS[role]).join("、") || "无角色"}\t${state}`);
      }
      return;
    case "roles":
      await updateUser((await existing(name)).id, { roles: check(newUserSchema.shape.roles, roles(values.role)) }, actor);
      console.log("角色已更新。");
      return;
    case "password": {
      const user = await existing(name);
      await updateUser(user.id, { password: check(passwordSchemaFor(user.username), password) }, actor);
      console.log("密码已重置，这个用户已在各处退出登录。");
      break;
    }
    case "disable":
    case "enable":
      await updateUser((await existing(name)).id, { disabled: command === "disable" }, actor);
      console.log(command === "disable" ? "已停用，并已在各处退出登录。" : "已启用。");
      return;
    default:
      throw new UsageError(command ? `不认识的命令「${command}」。` : "缺少命令。");
  }
  if (generated) console.log(`密码：${generated}\n（只显示这一次，请当面或通过安全渠道交给本人。）`);
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof UserChangeError || error instanceof ConfigError) {
      console.error(`${error.message}\n\n${USAGE}`);
    } else {
      console.error(error);
    }
    process.exit(1);
  },
);
