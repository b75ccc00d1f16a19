import { Alert, Button, Flex, Popconfirm, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { type CreateApiKeyBody, useCreateApiKey } from "../api/create-api-key";
import { useApiKeys } from "../api/api-keys";
import { useRevokeApiKey } from "../api/revoke-api-key";
import { ApiKeyFields } from "./api-key-fields";
import { ResourcePanel } from "./resource-panel";

type Schemas = components["schemas"];

export function ApiKeys() {
  const { t } = useTranslation();
  const keys = useApiKeys();
  const create = useCreateApiKey();
  const revoke = useRevokeApiKey();
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <Flex vertical gap="small">
      {secret && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => {
            setSecret(null);
          }}
          message={t("admin.secretOnce")}
          description={
            <Typography.Text code copyable data-testid="api-key-secret">
              {secret}
            </Typography.Text>
          }
        />
      )}
      <ResourcePanel<Schemas["ApiKeyResponse"], CreateApiKeyBody>
        name="keys"
        title={t("admin.apiKeys")}
        list={keys}
        createInitial={{ scopes: ["stats:read"] }}
        onCreate={(v) =>
          create.mutateAsync(v).then((created) => {
            setSecret(created.key);
          })
        }
        fields={() => <ApiKeyFields />}
        columns={[
          { key: "name", title: t("common.name"), dataIndex: "name" },
          {
            key: "prefix",
            title: t("admin.prefix"),
            render: (_, k) => <Typography.Text code>{k.prefix}</Typography.Text>,
          },
          {
            key: "scopes",
            title: t("admin.scopes"),
            render: (_, k) => k.scopes.map((s) => <Tag key={s}>{s}</Tag>),
          },
        ]}
        rowActions={(k) =>
          k.revoked_at ? (
            <Tag>{t("admin.revoked")}</Tag>
          ) : (
            <Popconfirm
              title={t("admin.revoke")}
              description={k.name}
              okText={t("common.yes")}
              cancelText={t("common.no")}
              onConfirm={() => {
                revoke.mutate(k.id);
              }}
            >
              <Button size="small" danger>
                {t("admin.revoke")}
              </Button>
            </Popconfirm>
          )
        }
      />
    </Flex>
  );
}
