export const metadata = { title: "用户组" };

export default function Page() {
  return <h1 className="text-xl font-semibold">用户组</h1>;
}
