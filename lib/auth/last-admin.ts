// Why the console's only active admin keeps that role (leavesNoAdmin in ./user-rules decides): said by
// the server's refusal and as the hint of 改角色's fixed box. Apart from the rules, so that the user
// list's first load does not carry it (the dialog that says it loads on demand).

export const LAST_ADMIN_REFUSED = "这是唯一可用的管理员账号，不能停用或去掉它的管理员角色。请先让另一个账号成为管理员。";
