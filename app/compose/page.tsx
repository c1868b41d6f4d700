export const metadata = { title: "创建推送" };

export default function Page() {
  return <h1 className="text-xl font-semibold">创建推送</h1>;
}
