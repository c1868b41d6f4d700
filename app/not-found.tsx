import { NotFoundMessage } from "@/components/not-found-message";

// An address that matches no page: shown outside the console's chrome, which needs a session.
export default function NotFound() {
  return <NotFoundMessage />;
}
