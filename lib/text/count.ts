// Counts as people read them: 122,146 (the console's one formatter; lib/compose/reach re-exports it).
// Grouped by hand, as zh-CN's Intl.NumberFormat groups them: a page's first Intl formatter costs the
// browser 50–60 ms of its main thread (it loads the locale's data), 4× that on Lighthouse's phone,
// and every page with a count built one as it opened (README, Performance). tests/count.test.ts
// checks the digits against Node's zh-CN formatter.

/** A whole count, digits grouped: 1234567 → "1,234,567"; a fraction is rounded to the nearest count. */
export const formatCount = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+$)/g, ",");
