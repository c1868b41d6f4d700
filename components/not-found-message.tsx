import Link from "next/link";

export function NotFoundMessage() {
  return (
    <div className="py-16 text-center">
      <h1 className="text-xl font-semibold">找不到这个页面</h1>
      <p className="mt-2 text-slate-600">地址可能有误，或者页面已移走。</p>
      <Link href="/groups" className="mt-4 inline-block text-blue-700 underline">
        回到用户组
      </Link>
    </div>
  );
}
