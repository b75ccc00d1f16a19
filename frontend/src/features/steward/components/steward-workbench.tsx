import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Empty,
  List,
  Progress,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from "antd";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useMe } from "@/lib/auth";
import { errorMessage } from "@/lib/problem";
import type { PatrolRoute, WorkItem } from "../api/types";
import { useAreaCases } from "../api/area-cases";
import { useCoverage } from "../api/coverage";
import { useRoutes } from "../api/patrol-routes";
import { useWorkAreas } from "../api/work-areas";
import { useWorklist } from "../api/worklist";
import { PatrolForm } from "./patrol-form";
import { VisitForm } from "./visit-form";
import { RecentPatrols } from "./recent-patrols";
import { RecentVisits } from "./recent-visits";

const percent = (share: number) => Math.round(share * 1000) / 10;

function CoverageCard({ areaId }: { areaId: string }) {
  const { t } = useTranslation();
  const coverage = useCoverage(areaId);
  if (coverage.isPending) return <Spin />;
  if (coverage.isError) return <Alert type="error" message={errorMessage(coverage.error, t)} />;
  const c = coverage.data;
  return (
    <Card size="small" title={t("steward.coverageTitle", { month: c.month })} data-testid="steward-coverage">
      <Progress
        percent={percent(c.coverage)}
        success={{ percent: Math.min(percent(c.coverage), percent(c.target)) }}
        status={c.target_met ? "success" : "active"}
      />
      <Space wrap size="small">
        <Typography.Text>
          {t("steward.visitedOf", { visited: c.visited, households: c.households })}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t("steward.target", { target: percent(c.target) })}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t("steward.keyCustomers", { visited: c.key_customers.visited, total: c.key_customers.total })}
        </Typography.Text>
      </Space>
    </Card>
  );
}

function Worklist({ areaId, onVisit }: { areaId: string; onVisit: (home: WorkItem) => void }) {
  const { t } = useTranslation();
  const list = useWorklist(areaId);
  return (
    <Card size="small" title={t("steward.toVisit")}>
      {list.isError && <Alert type="error" message={errorMessage(list.error, t)} />}
      <List
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t("steward.allVisited")} /> }}
        renderItem={(home) => (
          <List.Item
            data-testid="steward-household"
            actions={[
              <Button
                key="visit"
                size="small"
                type="primary"
                onClick={() => {
                  onVisit(home);
                }}
                data-testid="steward-visit"
              >
                {t("steward.visit")}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space size={4} wrap>
                  <span>{`${home.building}-${home.unit}-${home.room}`}</span>
                  {home.key_customer && <Tag color="gold">{t("steward.key")}</Tag>}
                  {home.open_cases.length > 0 && (
                    <Badge count={home.open_cases.length} title={t("steward.openCases")} />
                  )}
                </Space>
              }
              description={home.customers.map((c) => c.name).join("、") || undefined}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

function Routes({ areaId, onPatrol }: { areaId: string; onPatrol: (route: PatrolRoute) => void }) {
  const { t } = useTranslation();
  const routes = useRoutes(areaId);
  return (
    <Card size="small" title={t("steward.routes")}>
      {routes.isError && <Alert type="error" message={errorMessage(routes.error, t)} />}
      <List
        loading={routes.isPending}
        dataSource={routes.data?.items ?? []}
        locale={{ emptyText: <Empty description={t("steward.noRoutes")} /> }}
        renderItem={(route) => (
          <List.Item
            data-testid="steward-route"
            actions={[
              <Button
                key="patrol"
                size="small"
                type={route.due ? "primary" : "default"}
                onClick={() => {
                  onPatrol(route);
                }}
                data-testid="steward-patrol"
              >
                {t("steward.patrol")}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space size={4} wrap>
                  <span>{route.name}</span>
                  {route.due && <Tag color="red">{t("steward.due")}</Tag>}
                </Space>
              }
              description={t("steward.dueOn", { day: route.due_on, count: route.checkpoints.length })}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

function AreaCases({ areaId }: { areaId: string }) {
  const { t } = useTranslation();
  const cases = useAreaCases(areaId);
  return (
    <Card size="small" title={t("steward.areaCases")}>
      {cases.isError && <Alert type="error" message={errorMessage(cases.error, t)} />}
      <List
        loading={cases.isPending}
        dataSource={cases.data?.items ?? []}
        locale={{ emptyText: <Empty description={t("steward.noOpenCases")} /> }}
        renderItem={(c) => (
          <List.Item data-testid="steward-case">
            <Space direction="vertical" size={0}>
              <Link to={`/cases/${c.id}`}>{c.number}</Link>
              <Typography.Text>{c.title}</Typography.Text>
            </Space>
            <Tag>{t(`case.status.${c.status}`)}</Tag>
          </List.Item>
        )}
      />
    </Card>
  );
}

/**
 * A steward's day at phone width: coverage, the return visits assigned to them (`assigned`,
 * composed by the app from the visits feature), households to visit, routes due and the latest
 * patrols, the area's open cases and recent visits.
 */
export function StewardWorkbench({ assigned }: { assigned?: ReactNode }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const user = me.data;
  const areas = useWorkAreas(user?.id ?? "", user?.role === "steward");
  const [chosen, setChosen] = useState<string | null>(null);
  const [home, setHome] = useState<WorkItem | null>(null);
  const [route, setRoute] = useState<PatrolRoute | null>(null);
  const areaId = chosen ?? areas.data?.[0]?.id ?? null;
  const done = (text: string | null) => {
    if (text) void message.success(text);
  };

  if (areas.isPending) return <Spin />;
  if (areas.isError) return <Alert type="error" message={errorMessage(areas.error, t)} />;
  if (!areaId) return <Empty description={t("steward.noAreas")} />;
  return (
    <Space direction="vertical" style={{ width: "100%", maxWidth: 640 }} size="middle">
      {areas.data.length > 1 && (
        <Select
          style={{ width: "100%" }}
          value={areaId}
          onChange={setChosen}
          options={areas.data.map((a) => ({ value: a.id, label: a.name }))}
          data-testid="steward-area"
        />
      )}
      <CoverageCard areaId={areaId} />
      {assigned}
      <Routes areaId={areaId} onPatrol={setRoute} />
      <RecentPatrols areaId={areaId} />
      <Worklist areaId={areaId} onVisit={setHome} />
      <AreaCases areaId={areaId} />
      <RecentVisits areaId={areaId} />
      <VisitForm
        home={home}
        onClose={(text) => {
          setHome(null);
          done(text);
        }}
      />
      <PatrolForm
        route={route}
        onClose={(text) => {
          setRoute(null);
          done(text);
        }}
      />
    </Space>
  );
}
