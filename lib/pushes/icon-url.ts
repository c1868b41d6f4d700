// Icons may be files the console serves itself (public/icons/…, named by their path, so they load on
// whatever host and port the console answers), but the vendor shows them on people's phones: what
// goes over the wire is always an absolute address, built from the console's public address.

/** A path on the console itself, e.g. /icons/news.svg; never a protocol-relative //host. */
export const isConsolePath = (value: string): boolean => /^\/(?!\/)[^\s\\]*$/.test(value);

/** The address the vendor gets: a console path joined to `consoleUrl` (any path prefix kept), anything else as it is. */
export function absoluteIconUrl(icon: string, consoleUrl: string): string {
  return isConsolePath(icon) ? `${consoleUrl.replace(/\/+$/, "")}${icon}` : icon;
}

/** True when the address names this machine: a phone could never load it. */
export function isLoopbackUrl(value: string): boolean {
  let host: string;
  try {
    host = new URL(value).hostname.toLowerCase().replace(/\.$/, "");
  } catch {
    return false;
  }
  return (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    /^127(\.\d{1,3}){3}$/.test(host) ||
    host === "0.0.0.0" ||
    host === "[::1]" ||
    host === "[::]" ||
    /^\[::ffff:7f[0-9a-f]{2}:/.test(host)
  );
}
