import { Alert, App, Button, Card, Flex, Form, Input, List, Select, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { ApiError, errorMessage } from "@/lib/problem";
import { useAreaList } from "../api/areas";
import { type CreatePropertyBody, useCreateProperty } from "../api/create-property";
import { useImportProperties } from "../api/import-properties";
import { usePropertyList } from "../api/properties";
import { useUpdateProperty } from "../api/update-property";
import { pick } from "../utils/changes";
import { options, useRequired } from "../utils/form";
import { ProjectFilter } from "./project-filter";
import { ResourcePanel } from "./resource-panel";

type Schemas = components["schemas"];

/** Property CSV import; a 422 lists the bad lines. */
function PropertyImport({ projectId }: { projectId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const importer = useImportProperties();
  const [csv, setCsv] = useState("building,unit,room,area_code\n");
  const [lineErrors, setLineErrors] = useState<{ line: string; errors: string[] }[]>([]);
  const run = () => {
    if (!projectId) return;
    setLineErrors([]);
    importer.mutate(
      { projectId, csv },
      {
        onSuccess: (result) => {
          void message.success(t("admin.importDone", { count: result.created }));
        },
        onError: (error) => {
          if (error instanceof ApiError && error.problem?.errors) {
            setLineErrors(Object.entries(error.problem.errors).map(([line, errors]) => ({ line, errors })));
          } else void message.error(errorMessage(error, t));
        },
      },
    );
  };
  return (
    <Card size="small" title={t("admin.import")}>
      <Input.TextArea
        rows={4}
        value={csv}
        onChange={(e) => {
          setCsv(e.target.value);
        }}
        style={{ fontFamily: "monospace" }}
      />
      <Flex gap="small" wrap style={{ marginTop: 8 }}>
        <Upload
          accept=".csv,text/csv"
          showUploadList={false}
          beforeUpload={(file) => {
            void file.text().then(setCsv);
            return false;
          }}
        >
          <Button>CSV…</Button>
        </Upload>
        <Button type="primary" disabled={!projectId} loading={importer.isPending} onClick={run}>
          {t("admin.import")}
        </Button>
      </Flex>
      {lineErrors.length > 0 && (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          message={t("admin.importErrors")}
          description={
            <List
              size="small"
              dataSource={lineErrors}
              renderItem={(e) => (
                <List.Item>
                  <Typography.Text strong>{e.line}</Typography.Text>: {e.errors.join("; ")}
                </List.Item>
              )}
            />
          }
        />
      )}
    </Card>
  );
}

export function Properties() {
  const { t } = useTranslation();
  const [projectId, setProjectId] = useState<string>();
  const [q, setQ] = useState("");
  const properties = usePropertyList(projectId, q);
  const areas = useAreaList(projectId, Boolean(projectId));
  const create = useCreateProperty();
  const update = useUpdateProperty();
  const required = useRequired();
  return (
    <Flex vertical gap="middle">
      <ResourcePanel<Schemas["PropertyResponse"], CreatePropertyBody>
        name="properties"
        title={t("admin.properties")}
        list={properties}
        toolbar={<ProjectFilter value={projectId} onChange={setProjectId} />}
        search={{ value: q, onChange: setQ }}
        emptyText={projectId ? undefined : t("admin.chooseProject")}
        canCreate={Boolean(projectId)}
        onCreate={(v) => create.mutateAsync({ ...v, project_id: projectId ?? "" })}
        toForm={(p) => ({
          project_id: p.project_id,
          building: p.building,
          unit: p.unit,
          room: p.room,
          area_id: p.area_id,
        })}
        onUpdate={(p, changes) =>
          update.mutateAsync({
            id: p.id,
            version: p.version,
            body: pick(changes, ["building", "unit", "room", "area_id"]),
          })
        }
        fields={() => (
          <>
            <Form.Item name="building" label={t("admin.building")} rules={required}>
              <Input />
            </Form.Item>
            <Form.Item name="unit" label={t("admin.unit")} rules={required}>
              <Input />
            </Form.Item>
            <Form.Item name="room" label={t("admin.room")} rules={required}>
              <Input />
            </Form.Item>
            <Form.Item name="area_id" label={t("admin.area")}>
              <Select allowClear options={options(areas.data?.items)} />
            </Form.Item>
          </>
        )}
        columns={[
          { key: "b", title: t("admin.building"), dataIndex: "building" },
          { key: "u", title: t("admin.unit"), dataIndex: "unit" },
          { key: "r", title: t("admin.room"), dataIndex: "room" },
          {
            key: "a",
            title: t("admin.area"),
            render: (_, p) => areas.data?.items.find((a) => a.id === p.area_id)?.name ?? "—",
          },
        ]}
      />
      <PropertyImport projectId={projectId} />
    </Flex>
  );
}
