import { Alert } from "@/components/ui/alert";

// Why the approval policy held a push (人数未知, the approval line, the channel…), for the approver.
export function HoldReasons({ reasons }: { reasons: string[] }) {
  if (reasons.length === 0) return null;
  return (
    <Alert variant="warning" role="none" title="需要审批的原因" className="mt-2">
      <ul className="list-disc space-y-0.5 pl-5" aria-label="需要审批的原因">
        {reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
    </Alert>
  );
}
