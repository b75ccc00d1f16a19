import { Button, Flex, Input } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** Above a resource table: its filters, the search (where the API has one) and "New". */
export function ResourceToolbar({
  name,
  toolbar,
  search,
  canCreate,
  onCreate,
}: {
  name: string;
  toolbar?: ReactNode;
  search?: { value: string; onChange: (q: string) => void };
  canCreate?: boolean;
  /** Absent: no "New" button. */
  onCreate?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex gap="small" wrap justify="space-between" align="center">
      <Flex gap="small" wrap align="center">
        {toolbar}
        {search && (
          <Input.Search
            allowClear
            placeholder={t("common.search")}
            defaultValue={search.value}
            onSearch={(q) => {
              search.onChange(q.trim());
            }}
            style={{ width: 240, maxWidth: "100%" }}
            data-testid={`admin-${name}-search`}
          />
        )}
      </Flex>
      {onCreate && (
        <Button
          type="primary"
          disabled={canCreate === false}
          data-testid={`admin-${name}-create`}
          onClick={onCreate}
        >
          {t("common.create")}
        </Button>
      )}
    </Flex>
  );
}
