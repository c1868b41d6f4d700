import { NotFoundMessage } from "@/components/not-found-message";

// notFound() from a console page: shown inside the console's header and navigation.
export default function NotFound() {
  return <NotFoundMessage />;
}
