import { useCan } from "@/lib/permissions";
import { NotAllowed } from "./not-allowed";
import type { Section } from "./sections";

/** A section's page, or the "not available for your role" page without its permission. */
export function SectionPage({ section }: { section: Section }) {
  const can = useCan();
  if (section.permission && !can(section.permission)) return <NotAllowed />;
  const Page = section.page;
  return <Page />;
}
