// What a push whose outcome is unknown (结果不明) means, and the next step: said once, after the
// cause, by the server (no answer in time, a broken connection, an answer out of contract) and by
// the composer after causes of its own. The record page is where the finding is written down.

export const MAY_HAVE_GONE = "这条推送可能已经发出，也可能没有。请先向传播通平台或接收人核实，不要直接重发。";
