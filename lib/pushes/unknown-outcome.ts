// What a push whose outcome is unknown (结果不明) means, and the next step: said once, after the
// cause, by the server (no answer in time, a broken connection, an answer out of contract) and by
// the composer after causes of its own. The record page is where the finding is written down.

/** What it means; the composer puts it before a cause of its own that does not say it. */
export const MAY_HAVE_GONE_START = "这条推送可能已经发出，也可能没有。";
export const MAY_HAVE_GONE = `${MAY_HAVE_GONE_START}请先向传播通平台或接收人核实，不要直接重发。`;
