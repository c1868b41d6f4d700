// The headings (tabIndex -1) focus goes to once 重试 has brought the list. A plain module: a "use
// client" one would hand the server pages a reference, not the string.
export const GROUPS_HEADING_ID = "groups-heading";
export const TAGS_HEADING_ID = "tags-heading";
