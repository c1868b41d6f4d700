// The console's buttons, shared by the composer and the history pages.
const base = "inline-flex items-center justify-center gap-1.5 rounded-md px-4 py-2 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50";
export const buttonStyles = {
  primary: `${base} bg-blue-700 text-white hover:bg-blue-800`,
  secondary: `${base} border border-slate-300 bg-white text-slate-800 hover:bg-slate-100`,
  danger: `${base} bg-red-700 text-white hover:bg-red-800`,
  quiet: `${base} text-slate-600 hover:bg-slate-100 hover:text-slate-900`,
};
