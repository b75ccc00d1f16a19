import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactElement } from "react";
import { MemoryRouter } from "react-router-dom";
import { AppProvider } from "@/app/provider";
import { createQueryClient } from "@/app/query-client";

/** Renders a component inside the app's providers and a router at `route`. */
export function renderWithProviders(ui: ReactElement, { route = "/" }: { route?: string } = {}) {
  const queryClient = createQueryClient();
  const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
  const result = render(
    <AppProvider queryClient={queryClient}>
      <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
    </AppProvider>,
  );
  return { ...result, user, queryClient };
}
