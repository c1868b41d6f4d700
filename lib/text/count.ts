// Counts as people read them: 122,146 (the console's one formatter; lib/compose/reach re-exports it).
const number = /* @__PURE__ */ new Intl.NumberFormat("zh-CN");

export const formatCount = (n: number): string => number.format(n);
