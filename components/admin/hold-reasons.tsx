// Why the approval policy held a push (人数未知, the approval line, the channel…), for the approver.
export function HoldReasons({ reasons }: { reasons: string[] }) {
  if (reasons.length === 0) return null;
  return (
    <div className="mt-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <p className="font-medium">需要审批的原因</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5" aria-label="需要审批的原因">
        {reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
    </div>
  );
}
