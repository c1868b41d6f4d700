// A plain link, not next/link: this is in every page's tree (app/not-found.tsx), and Turbopack would
// put next/link's code in a chunk every page loads besides the copy in each page's own chunks.
export function NotFoundMessage() {
  return (
    <div className="py-16 text-center">
      <h1 className="text-xl font-semibold">找不到这个页面</h1>
      <p className="mt-2 text-slate-600">地址可能有误，或者页面已移走。</p>
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
      <a href="/groups" className="mt-4 inline-block text-blue-700 underline">
        回到用户组
      </a>
    </div>
  );
}
