/** A data table's caption (for screen readers) and column headers, in the console's one style. */
export function TableHead({ caption, columns }: { caption: string; columns: readonly string[] }) {
  return (
    <>
      <caption className="sr-only">{caption}</caption>
      <thead className="border-b border-slate-200 text-slate-600">
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col" className="px-3 py-2 font-medium">
              {column}
            </th>
          ))}
        </tr>
      </thead>
    </>
  );
}
