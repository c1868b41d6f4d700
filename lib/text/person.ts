// A console user as pages show them. Records name people by username (what the server checks);
// a served record carries `names` (username → display name, lib/server/users/names.ts) for those
// who have a name of their own.

export type PeopleNames = Readonly<Record<string, string>>;

/** The person's name, else the username; — for nobody. 演示编辑 */
export function personName(username: string | null | undefined, names: PeopleNames | undefined): string {
  if (!username) return "—";
  return names?.[username] ?? username;
}

/** The name with the account after it, where it matters which account it was: 演示编辑（demo-editor）. */
export function personWithAccount(username: string | null | undefined, names: PeopleNames | undefined): string {
  const name = personName(username, names);
  return username && name !== username ? `${name}（${username}）` : name;
}

/** A console user (the admin page's UserSummary) the same way: 张三（zhangsan）. */
export function userWithAccount(user: { username: string; name: string }): string {
  return personWithAccount(user.username, user.name ? { [user.username]: user.name } : undefined);
}
