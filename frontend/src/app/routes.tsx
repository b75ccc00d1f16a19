import { lazy, type ReactNode, Suspense } from "react";
import { Route, Routes, useLocation } from "react-router-dom";
import { ErrorBoundary } from "./error-boundary";
import { PageLoading } from "./page-loading";
import { RequireAuth } from "./require-auth";
import { RouteError } from "./route-error";

// Every screen is its own chunk: the login page loads none of the signed-in application.
// (Declarative <Routes> rather than a data router: Huiyin loads data with React Query, and
// the data router would add ~19 kB gzip to the entry chunk.)
const LoginRoute = lazy(() => import("./routes/login"));
const AppLayout = lazy(() => import("./layout/app-layout"));
const ResidentRoute = lazy(() => import("./routes/resident"));

function FullScreen({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageLoading fullScreen />}>{children}</Suspense>;
}

export function AppRoutes() {
  const { pathname } = useLocation();
  return (
    <ErrorBoundary fallback={<RouteError />} resetKey={pathname}>
      <Routes>
        <Route
          path="/login"
          element={
            <FullScreen>
              <LoginRoute />
            </FullScreen>
          }
        />
        <Route
          path="/resident/*"
          element={
            <FullScreen>
              <ResidentRoute />
            </FullScreen>
          }
        />
        {/* The console's screens are routed inside the layout's chunk (see `./sections`). */}
        <Route
          path="/*"
          element={
            <RequireAuth>
              <FullScreen>
                <AppLayout />
              </FullScreen>
            </RequireAuth>
          }
        />
      </Routes>
    </ErrorBoundary>
  );
}
