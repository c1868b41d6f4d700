import type { DatabaseTarget } from "@/lib/server/db";

// A database target as text (a URL or a file) for a child process's command line, and back.
export const targetText = (target: DatabaseTarget) => ("url" in target ? target.url : target.file);
export const targetOf = (text: string): DatabaseTarget => (/^postgres(ql)?:\/\//.test(text) ? { url: text } : { file: text });
