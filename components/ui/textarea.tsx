import { controlClass } from "@/components/ui/text-input";
import type { ComponentProps } from "react";

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea rows={4} {...props} className={`${controlClass} resize-y leading-relaxed ${className ?? ""}`} />;
}
