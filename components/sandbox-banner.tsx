export function SandboxBanner() {
  return (
    <div role="note" aria-label="模拟环境" className="bg-amber-400 px-4 py-1.5 text-center text-sm font-medium text-amber-950">
      模拟环境：当前连接的是内置的传播通模拟器，推送不会发给任何真实用户。
    </div>
  );
}
