// Names for the ids handed over offline (the options come from the server with each page).

/** A configured name for an id, or the id itself when the configuration no longer has it. */
export function nameOf(list: ReadonlyArray<{ id: number; name: string }> | undefined, id: number | undefined): string {
  if (id === undefined) return "—";
  return list?.find((item) => item.id === id)?.name ?? `#${id}`;
}
