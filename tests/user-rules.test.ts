import { describe, expect, it } from "vitest";
import { leavesNoAdmin, mayDisable, otherAdmins } from "@/lib/auth/user-rules";

describe("the admin the console keeps", () => {
  const admin = { id: "a", roles: ["admin"] as const, disabled: false };
  const users = [admin, { id: "b", roles: ["admin"] as const, disabled: true }, { id: "c", roles: ["editor"] as const, disabled: false }];

  it("counts the other admins who can still sign in", () => {
    expect(otherAdmins(admin, users)).toBe(0);
    expect(otherAdmins({ id: "c" }, users)).toBe(1);
  });

  it("refuses taking 管理员 from, or disabling, the only active admin; allows it once there is another", () => {
    expect(leavesNoAdmin(admin, { roles: ["editor"] }, 0)).toBe(true);
    expect(leavesNoAdmin(admin, { disabled: true }, 0)).toBe(true);
    expect(leavesNoAdmin(admin, { roles: ["admin", "editor"] }, 0)).toBe(false);
    expect(leavesNoAdmin(admin, { roles: ["editor"] }, 1)).toBe(false);
    // Not an active admin: nothing to keep.
    expect(leavesNoAdmin({ roles: ["admin"], disabled: true }, { roles: [] }, 0)).toBe(false);
    expect(leavesNoAdmin({ roles: ["editor"], disabled: false }, { disabled: true }, 0)).toBe(false);
  });

  it("never offers 停用 on one's own account", () => {
    expect(mayDisable("demo-admin", { username: "demo-admin" })).toBe(false);
    expect(mayDisable("demo-admin", { username: "zhangsan" })).toBe(true);
  });
});
