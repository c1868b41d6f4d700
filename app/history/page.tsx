export const metadata = { title: "推送记录" };

export default function Page() {
  return <h1 className="text-xl font-semibold">推送记录</h1>;
}
