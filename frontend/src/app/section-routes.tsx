import { lazy } from "react";
import { Navigate, Route, Routes } from "react-router-dom";
import { SectionPage } from "./section-page";
import { SECTIONS } from "./sections";

const NotFoundRoute = lazy(() => import("./routes/not-found"));

/** The signed-in console's screens, one route per section. */
export function SectionRoutes() {
  return (
    <Routes>
      <Route index element={<Navigate to="/dashboard" replace />} />
      {SECTIONS.map((section) => (
        <Route
          key={section.key}
          path={section.path ?? section.key}
          element={<SectionPage section={section} />}
        />
      ))}
      <Route path="*" element={<NotFoundRoute />} />
    </Routes>
  );
}
