// Names for the ids handed over offline. Apart from options-query (react-query) so that a page
// rendered on the server can name them without shipping the query library to the browser.

/** A configured name for an id, or the id itself when the configuration no longer has it. */
export function nameOf(list: ReadonlyArray<{ id: number; name: string }> | undefined, id: number | undefined): string {
  if (id === undefined) return "—";
  return list?.find((item) => item.id === id)?.name ?? `#${id}`;
}
