import { CopyButton } from "@/components/ui/copy-button";
import { shortId } from "@/lib/text/short-id";

/** An id in a list: shortened (the whole on hover), with 复制 for the whole; a short id as it is. */
export function ShortId({ id }: { id: string }) {
  const short = shortId(id);
  if (short === id) return <span className="font-mono text-xs break-all">{id}</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
      <span className="font-mono text-xs" title={id}>
        {short}
      </span>
      <CopyButton text={id} label="复制" name={`复制完整编号 ${id}`} small />
    </span>
  );
}
