import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

// The document alone. The console's chrome (banner, navigation, query client) lives in
// (console)/layout.tsx, so a page outside it, such as the benchmark's bare page, ships only Next.

export const metadata: Metadata = {
  title: { default: "传播通控制台", template: "%s · 传播通控制台" },
  description: "用户组浏览与推送发送",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
