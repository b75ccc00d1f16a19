import { Spin } from "antd";
import { useEffect } from "react";
import { Route, Routes } from "react-router-dom";
import { restoreSession } from "@/lib/api";
import { residentSession } from "@/lib/session";
import { useResidentRestored, useResidentToken } from "../api/session";
import { ResidentCaseDetail } from "./resident-case-detail";
import { ResidentCaseList } from "./resident-case-list";
import { ResidentLogin } from "./resident-login";
import { ResidentReportForm } from "./resident-report-form";
import { ResidentShell } from "./resident-shell";

/** The residents' mobile page: log in, my cases, report, rate, withdraw. */
export function ResidentApp() {
  const token = useResidentToken();
  const restored = useResidentRestored();
  useEffect(() => {
    if (!restored) void restoreSession(residentSession);
  }, [restored]);
  return (
    <ResidentShell>
      {token === null && !restored ? (
        <Spin />
      ) : token === null ? (
        <ResidentLogin />
      ) : (
        <Routes>
          <Route index element={<ResidentCaseList />} />
          <Route path="report" element={<ResidentReportForm />} />
          <Route path="cases/:id" element={<ResidentCaseDetail />} />
          <Route path="*" element={<ResidentCaseList />} />
        </Routes>
      )}
    </ResidentShell>
  );
}
