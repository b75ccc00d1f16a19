import { Alert, Button, Checkbox, Drawer, Form, Input, Radio, Select, Space, Switch, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import { type OpinionCase, useRecordVisit, type StewardVisitPurpose } from "../api/record-visit";
import type { WorkItem } from "../api/types";

const PURPOSES: StewardVisitPurpose[] = ["routine", "key_customer", "follow_up", "move_in", "other"];

interface Values {
  purpose: StewardVisitPurpose;
  customer_id?: string;
  reached: boolean;
  opinions?: string;
  raise: boolean;
  case_kind: OpinionCase["kind"];
  case_title?: string;
}

/** Records a visit to one household; an opinion that needs handling becomes a linked case. */
export function VisitForm({
  home,
  onClose,
}: {
  home: WorkItem | null;
  onClose: (done: string | null) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const record = useRecordVisit();
  const [photo, setPhoto] = useState<File | null>(null);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const raise = Form.useWatch("raise", form);

  const close = (done: string | null) => {
    form.resetFields();
    setPhoto(null);
    setKey(crypto.randomUUID());
    record.reset();
    onClose(done);
  };

  const submit = (values: Values) => {
    if (!home) return;
    record.mutate(
      {
        key,
        photo,
        body: {
          property_id: home.property_id,
          customer_id: values.customer_id ?? null,
          purpose: values.purpose,
          reached: values.reached,
          opinions: values.opinions?.trim() ? values.opinions : null,
        },
        opinionCase: values.raise ? { kind: values.case_kind, title: values.case_title ?? "" } : null,
      },
      {
        onSuccess: ({ caseNumber }) => {
          close(caseNumber ? t("steward.visitCaseCreated", { number: caseNumber }) : t("steward.visitSaved"));
        },
      },
    );
  };

  const place = home ? `${home.building}-${home.unit}-${home.room}` : "";
  return (
    <Drawer
      open={home !== null}
      title={t("steward.visitTitle", { place })}
      width="min(100vw, 480px)"
      onClose={() => {
        close(null);
      }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          purpose: home?.key_customer ? "key_customer" : "routine",
          reached: true,
          raise: false,
          case_kind: "complaint",
        }}
        onFinish={submit}
      >
        <Form.Item name="purpose" label={t("steward.purpose")} rules={[{ required: true }]}>
          <Radio.Group optionType="button" size="small">
            {PURPOSES.map((p) => (
              <Radio.Button key={p} value={p}>
                {t(`steward.purposes.${p}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        {home && home.customers.length > 0 && (
          <Form.Item name="customer_id" label={t("steward.customer")}>
            <Select allowClear options={home.customers.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
        )}
        <Form.Item name="reached" label={t("steward.reached")} valuePropName="checked">
          <Switch data-testid="visit-reached" />
        </Form.Item>
        <Form.Item name="opinions" label={t("steward.opinions")}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="visit-opinions" />
        </Form.Item>
        <Form.Item>
          <Upload
            accept="image/jpeg,image/png,image/webp"
            maxCount={1}
            beforeUpload={(file) => {
              setPhoto(file);
              return false;
            }}
            onRemove={() => {
              setPhoto(null);
            }}
          >
            <Button data-testid="visit-photo">{t("steward.photo")}</Button>
          </Upload>
        </Form.Item>
        <Form.Item name="raise" valuePropName="checked">
          <Checkbox data-testid="visit-raise">{t("steward.raiseCase")}</Checkbox>
        </Form.Item>
        {raise && (
          <>
            <Form.Item name="case_kind" label={t("steward.caseKind")}>
              <Radio.Group optionType="button" size="small">
                {(["complaint", "repair", "suggestion"] as const).map((k) => (
                  <Radio.Button key={k} value={k}>
                    {t(`case.kind.${k}`)}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item
              name="case_title"
              label={t("steward.caseTitle")}
              rules={[{ required: true, whitespace: true, message: t("steward.caseTitleRequired") }]}
            >
              <Input maxLength={200} data-testid="visit-case-title" />
            </Form.Item>
          </>
        )}
        {record.isError && (
          <Alert type="error" showIcon message={errorMessage(record.error, t)} style={{ marginBottom: 12 }} />
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="visit-submit">
            {t("steward.save")}
          </Button>
        </Space>
      </Form>
    </Drawer>
  );
}
