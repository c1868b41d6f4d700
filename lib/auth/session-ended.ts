// What a person is told when the console refused a request for want of a session (it expired, was
// signed out elsewhere, or an admin reset the password): one phrase for the API's 401, the sign-in
// page and the composer's 没有发出. Where to sign in again is lib/auth/sign-in-again.ts (a page's
// code carries that, not this).

export const SESSION_ENDED = "登录已失效（已过期、已在别处退出，或密码已被管理员重置）";
