import { useDepartments, useUsers } from "@/lib/reference";

/** The names a case page shows for the department and user ids it holds ("—" when unknown). */
export function useCaseNames() {
  const departments = useDepartments();
  const users = useUsers();
  return {
    department: (id?: string | null) => departments.data?.items.find((d) => d.id === id)?.name ?? "—",
    person: (id?: string | null) => users.data?.items.find((u) => u.id === id)?.display_name ?? "—",
  };
}
