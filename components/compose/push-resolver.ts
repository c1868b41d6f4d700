import { zodResolver } from "@hookform/resolvers/zod";
import { pushSchema, type Push } from "@/lib/validations/push";
import type { ComposeValues } from "@/lib/compose/values";
import type { Resolver } from "react-hook-form";

// The form holds every channel's fields; the schema keeps the chosen channel's (see values.ts).
export const pushResolver = zodResolver(pushSchema) as unknown as Resolver<ComposeValues, unknown, Push>;
