import { App, Button, Card, Empty, List, Modal, Popconfirm, Select, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { errorMessage } from "@/lib/problem";
import type { CaseDetail } from "@/lib/types";
import { useIncidentPicker } from "../api/incident-picker";
import { useLinkCase } from "../api/link-case";
import { useUnlinkCase } from "../api/unlink-case";
import { StatusTag } from "./case-tags";

/** Picks an unresolved incident by its number (关联到事件) and links the case to it. */
function LinkModal({ current, onClose }: { current: CaseDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [q, setQ] = useState("");
  const [parentId, setParentId] = useState<string | null>(null);
  const found = useIncidentPicker(q);
  const link = useLinkCase();
  const options = (found.data?.items ?? [])
    .filter((c) => c.id !== current.id)
    .map((c) => ({ value: c.id, label: `${c.number} · ${c.title}` }));
  return (
    <Modal
      open
      title={t("case.link.title")}
      okText={t("case.link.action")}
      okButtonProps={{ disabled: !parentId, loading: link.isPending }}
      onCancel={onClose}
      onOk={() => {
        if (!parentId) return;
        link.mutate(
          { id: current.id, version: current.version, parentId },
          {
            onSuccess: () => {
              void message.success(t("case.done"));
              onClose();
            },
            onError: (error) => {
              void message.error(errorMessage(error, t));
            },
          },
        );
      }}
    >
      <Typography.Paragraph type="secondary">{t("case.link.help")}</Typography.Paragraph>
      <Select
        showSearch
        style={{ width: "100%" }}
        data-testid="link-picker"
        placeholder={t("case.link.search")}
        filterOption={false}
        onSearch={setQ}
        onChange={(value: string) => {
          setParentId(value);
        }}
        loading={found.isFetching}
        notFoundContent={q.trim().length >= 2 ? t("common.none") : null}
        options={options}
      />
    </Modal>
  );
}

/** The incident a case follows, or the callers' cases following it, with link and unlink. */
export function CaseFamily({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [linking, setLinking] = useState(false);
  const unlink = useUnlinkCase();
  // The server says what the case's state and the caller's role allow.
  const offerLink = c.may_link;
  if (!c.parent && c.children.length === 0 && !offerLink) return null;
  return (
    <Card
      title={t("case.link.panel")}
      size="small"
      data-testid="case-family"
      extra={
        offerLink && (
          <Button
            size="small"
            data-testid="action-link"
            onClick={() => {
              setLinking(true);
            }}
          >
            {t("case.link.title")}
          </Button>
        )
      }
    >
      {c.parent && (
        <Space wrap data-testid="case-parent">
          <Typography.Text type="secondary">{t("case.link.parent")}</Typography.Text>
          <Link to={`/cases/${c.parent.id}`}>{c.parent.number}</Link>
          <StatusTag status={c.parent.status} />
          <span>{c.parent.title}</span>
          {c.may_unlink && (
            <Popconfirm
              title={t("case.link.unlinkConfirm")}
              onConfirm={() => {
                unlink.mutate(
                  { id: c.id, version: c.version, parentId: c.parent?.id ?? "" },
                  {
                    onError: (error) => {
                      void message.error(errorMessage(error, t));
                    },
                  },
                );
              }}
            >
              <Button size="small" danger loading={unlink.isPending} data-testid="action-unlink">
                {t("case.link.unlink")}
              </Button>
            </Popconfirm>
          )}
        </Space>
      )}
      {c.parent && (
        <Typography.Paragraph type="secondary" style={{ margin: "8px 0 0" }}>
          {t("case.link.follows")}
        </Typography.Paragraph>
      )}
      {c.children.length > 0 ? (
        <List
          size="small"
          header={t("case.link.children", { count: c.children.length })}
          dataSource={c.children}
          data-testid="case-children"
          renderItem={(child) => (
            <List.Item>
              <Space wrap>
                <Link to={`/cases/${child.id}`}>{child.number}</Link>
                <StatusTag status={child.status} />
                <span>{child.customer_name ?? "—"}</span>
                <Typography.Text type="secondary">{child.title}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      ) : (
        !c.parent && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("case.link.none")} />
      )}
      {linking && (
        <LinkModal
          current={c}
          onClose={() => {
            setLinking(false);
          }}
        />
      )}
    </Card>
  );
}
