/**
 * What the browser says when it could not reach the console: a request that never arrived, or code
 * the page fetches later that did not come. A module of its own, so the pages' error boundary can
 * say it without carrying the fetch helpers.
 */
export const OFFLINE = "连不上控制台服务器，请检查网络后重试。";
