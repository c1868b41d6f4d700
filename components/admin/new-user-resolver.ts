import { zodResolver } from "@hookform/resolvers/zod";
import { newUserSchema, type NewUser } from "@/lib/auth/user-schema";
import type { Resolver } from "react-hook-form";

// 新增用户's check, on the schema POST /api/admin/users parses; loaded on demand (add-user-form.tsx).
export const newUserResolver = zodResolver(newUserSchema) as unknown as Resolver<NewUser>;
