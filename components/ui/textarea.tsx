import type { ComponentProps } from "react";
import { controlClass } from "@/components/ui/text-input";

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea rows={4} {...props} className={`${controlClass} resize-y leading-relaxed ${className ?? ""}`} />;
}
