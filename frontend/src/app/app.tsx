import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { BrowserRouter, useNavigate } from "react-router-dom";
import { loginPath, setLogoutHandler } from "@/lib/api";
import { AppProvider } from "./provider";
import { createQueryClient } from "./query-client";
import { AppRoutes } from "./routes";

/** When the session cannot be renewed: drop cached data and go to the login page in place. */
function SessionExpiry() {
  const navigate = useNavigate();
  const queryClient: QueryClient = useQueryClient();
  useEffect(
    () =>
      setLogoutHandler((next) => {
        queryClient.clear();
        void navigate(loginPath(next), { replace: true });
      }),
    [navigate, queryClient],
  );
  return null;
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <AppProvider queryClient={queryClient}>
      {/* Location changes render urgently, in the same batch as session changes: logging out
          must land on /login, not be overtaken by the guard's redirect to /login?next=…. */}
      <BrowserRouter useTransitions={false}>
        <SessionExpiry />
        <AppRoutes />
      </BrowserRouter>
    </AppProvider>
  );
}
