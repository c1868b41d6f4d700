export const metadata = { title: "标签" };

export default function Page() {
  return <h1 className="text-xl font-semibold">标签</h1>;
}
