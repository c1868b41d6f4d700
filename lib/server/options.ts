import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import * as z from "zod/mini";
import { serverConfig, ConfigError } from "@/lib/server/config";
import { optionsSchema, type Options, type PublicOptions } from "@/lib/validations/options";

let cached: Options | undefined;

export function loadOptions(file = serverConfig().optionsFile): Options {
  const full = path.resolve(file);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(full, "utf8"));
  } catch (error) {
    throw new ConfigError(
      `读不了选项文件 ${full}（${(error as Error).message}）。请检查 CHUANBO_OPTIONS_FILE，可参照 config/options.sample.json。`,
    );
  }
  const parsed = z.safeParse(optionsSchema, json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `- ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`选项文件 ${full} 有误：\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export function options(): Options {
  cached ??= loadOptions();
  return cached;
}

export function publicOptions(): PublicOptions {
  const { sections, types, directives, smsSignatures, icons, testGroupId, quietHours } = options();
  const { minLeadSeconds, graceMs } = serverConfig().schedule;
  return {
    sections,
    types,
    directives,
    smsSignatures,
    icons,
    testGroupId: testGroupId ?? null,
    quietHours: quietHours ?? null,
    schedule: { minLeadSeconds, graceMinutes: graceMs / 60_000 },
  };
}
