import { Button, Card, Flex, InputNumber, Select, Space, Table } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import type { Permission } from "@/lib/permissions";
import { useProjects } from "@/lib/reference";
import { arrearsAbilities } from "../abilities";
import { type Arrears, type ArrearsFilters, type Stage, useArrears } from "../api/arrears";
import { useAreas } from "../api/areas";
import { ContactForm } from "./contact-form";
import { useArrearsColumns } from "./arrears-columns";
import { ImportPanel } from "./import-panel";
import { LegalDialog } from "./legal-dialog";

const STAGES: Stage[] = ["steward", "supervisor", "legal"];

function Filters({ value, onChange }: { value: ArrearsFilters; onChange: (next: ArrearsFilters) => void }) {
  const { t } = useTranslation();
  const projects = useProjects();
  const areas = useAreas(value.project_id ?? undefined);
  return (
    <Space wrap>
      <Select
        allowClear
        style={{ minWidth: 180 }}
        placeholder={t("arrears.filters.project")}
        value={value.project_id ?? undefined}
        options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
        onChange={(project_id?: string) => {
          onChange({ ...value, project_id, area_id: undefined });
        }}
      />
      <Select
        allowClear
        style={{ minWidth: 160 }}
        placeholder={t("arrears.filters.area")}
        value={value.area_id ?? undefined}
        options={(areas.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
        onChange={(area_id?: string) => {
          onChange({ ...value, area_id });
        }}
      />
      <Select
        allowClear
        style={{ minWidth: 140 }}
        placeholder={t("arrears.filters.stage")}
        value={value.stage ?? undefined}
        options={STAGES.map((s) => ({ value: s, label: t(`arrears.stage.${s}`) }))}
        onChange={(stage?: Stage) => {
          onChange({ ...value, stage });
        }}
      />
      <InputNumber
        min={1}
        placeholder={t("arrears.filters.minMonths")}
        aria-label={t("arrears.filters.minMonths")}
        value={value.min_months ?? null}
        onChange={(n) => {
          onChange({ ...value, min_months: n ?? undefined });
        }}
      />
      <Select
        style={{ minWidth: 120 }}
        value={value.status ?? "open"}
        options={(["open", "settled"] as const).map((s) => ({ value: s, label: t(`arrears.status.${s}`) }))}
        onChange={(status: "open" | "settled") => {
          onChange({ ...value, status });
        }}
      />
    </Space>
  );
}

/** The arrears list per area with its filters, the contact form, the legal decision and the import. */
export function ArrearsPage({ permissions }: { permissions: readonly Permission[] }) {
  const { t } = useTranslation();
  const may = arrearsAbilities(permissions);
  const [params] = useSearchParams();
  // A link may preselect the stage (the supervisor dashboard's "arrears at supervisor stage").
  const linkedStage = STAGES.find((s) => s === params.get("stage"));
  const [filters, setFilters] = useState<ArrearsFilters>({ status: "open", stage: linkedStage });
  const [contacting, setContacting] = useState<Arrears | null>(null);
  const [deciding, setDeciding] = useState<Arrears | null>(null);
  const list = useArrears(filters);
  const columns = useArrearsColumns({ may, onContact: setContacting, onDecide: setDeciding });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Flex vertical gap="middle">
      <Card>
        <Filters value={filters} onChange={setFilters} />
        <Table<Arrears>
          style={{ marginTop: 12 }}
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={items}
          pagination={false}
          scroll={{ x: 1100 }}
          locale={{ emptyText: t("arrears.empty") }}
          columns={columns}
        />
        {list.hasNextPage && (
          <Button
            style={{ marginTop: 12 }}
            loading={list.isFetchingNextPage}
            onClick={() => {
              void list.fetchNextPage();
            }}
          >
            {t("common.loadMore")}
          </Button>
        )}
      </Card>
      {may.import && <ImportPanel projectId={filters.project_id ?? undefined} />}
      {contacting && (
        <ContactForm
          arrears={contacting}
          onClose={() => {
            setContacting(null);
          }}
        />
      )}
      {deciding && (
        <LegalDialog
          arrears={deciding}
          onClose={() => {
            setDeciding(null);
          }}
        />
      )}
    </Flex>
  );
}
