import { lazy, type ReactNode, Suspense } from "react";
import { Navigate, Route, Routes, useLocation } from "react-router-dom";
import { ErrorBoundary } from "./error-boundary";
import { PageLoading } from "./page-loading";
import { RequireAuth } from "./require-auth";
import { RouteError } from "./route-error";

// Every screen is its own chunk: the login page loads none of the signed-in application.
// (Declarative <Routes> rather than a data router: Huiyin loads data with React Query, and
// the data router would add ~19 kB gzip to the entry chunk.)
const LoginRoute = lazy(() => import("./routes/login"));
const AppLayout = lazy(() => import("./layout/app-layout"));
const DashboardRoute = lazy(() => import("./routes/dashboard"));
const IntakeRoute = lazy(() => import("./routes/intake"));
const QueuesRoute = lazy(() => import("./routes/queues"));
const VisitsRoute = lazy(() => import("./routes/visits"));
const CaseRoute = lazy(() => import("./routes/case"));
const CustomersRoute = lazy(() => import("./routes/customers"));
const StatisticsRoute = lazy(() => import("./routes/statistics"));
const AdminRoute = lazy(() => import("./routes/admin"));
const DeadlinesRoute = lazy(() => import("./routes/deadlines"));
const WarningsRoute = lazy(() => import("./routes/warnings"));
const ResidentRoute = lazy(() => import("./routes/resident"));
const ArrearsRoute = lazy(() => import("./routes/arrears"));
const HandoversRoute = lazy(() => import("./routes/handovers"));
const NotFoundRoute = lazy(() => import("./routes/not-found"));
const StewardRoute = lazy(() => import("./routes/steward"));
const NoticesRoute = lazy(() => import("./routes/notices"));

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
        <Route
          path="/"
          element={
            <RequireAuth>
              <FullScreen>
                <AppLayout />
              </FullScreen>
            </RequireAuth>
          }
        >
          <Route index element={<Navigate to="/dashboard" replace />} />
          <Route path="dashboard" element={<DashboardRoute />} />
          <Route path="intake" element={<IntakeRoute />} />
          <Route path="queues" element={<QueuesRoute />} />
          <Route path="visits" element={<VisitsRoute />} />
          <Route path="cases/:id" element={<CaseRoute />} />
          <Route path="customers" element={<CustomersRoute />} />
          <Route path="statistics" element={<StatisticsRoute />} />
          <Route path="admin" element={<AdminRoute />} />
          <Route path="deadlines" element={<DeadlinesRoute />} />
          <Route path="warnings" element={<WarningsRoute />} />
          <Route path="steward" element={<StewardRoute />} />
          <Route path="notices" element={<NoticesRoute />} />
          <Route path="arrears" element={<ArrearsRoute />} />
          <Route path="handovers" element={<HandoversRoute />} />
          <Route path="*" element={<NotFoundRoute />} />
        </Route>
      </Routes>
    </ErrorBoundary>
  );
}
