// What a push whose outcome is unknown (结果不明) means, and the next step: said once, after the
// cause, by the server (no answer in time, a broken connection, an answer out of contract) and by
// the composer after causes of its own. The record page is where the finding is written down.

export const MAY_HAVE_GONE = "这条推送可能已经发出，也可能没有。请先向传播通平台或接收人核实，不要直接重发。";

/**
 * A send whose request got no answer from the console's own server (the network dropped): not the
 * vendor's silence, so the way to know is to ask the console again with the same key, which fetches
 * the attempt's result and never sends twice.
 */
export const NO_ANSWER =
  "连不上控制台服务器，没有收到这次发送的结果，它可能已经发出，也可能没有。网络恢复后再点“发送”（内容不要改）：控制台会取回这次的结果，不会重复发出。";
