// A page with nothing of the console's: bench/bundle-size.mjs measures every page against it.
export const metadata = { title: "bare", robots: { index: false } };

export default function Page() {
  return <p>bare</p>;
}
