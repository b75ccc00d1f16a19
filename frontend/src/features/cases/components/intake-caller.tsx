import { Alert, Button, Card, Empty, Flex, Input, Spin } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useDebounced } from "@/lib/use-debounced";
import type { CustomerDetail } from "@/lib/types";
import { useCustomerLookup } from "../api/customer-lookup";
import { IntakeCustomerCard } from "./intake-customer-card";

/**
 * Who is calling: a lookup by name, phone or address, the customers it finds, and the one chosen.
 * A number typed that nobody has is handed to `onUnknownPhone` (most likely the new customer's).
 */
export function IntakeCaller({
  search,
  onSearch,
  customer,
  onSelect,
  onClear,
  onUnknownPhone,
}: {
  search: string;
  onSearch: (search: string) => void;
  customer: CustomerDetail | null;
  onSelect: (customer: CustomerDetail, propertyId?: string, projectId?: string) => void;
  onClear: () => void;
  onUnknownPhone: (phone: string) => void;
}) {
  const { t } = useTranslation();
  const lookup = useCustomerLookup(useDebounced(search));

  let results: ReactNode = null;
  if (search.trim().length >= 2) {
    if (lookup.isFetching && !lookup.data) results = <Spin />;
    else if (lookup.data && lookup.data.length === 0)
      results = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("intake.noCustomer")} />;
    else
      results = (
        <Flex vertical gap="small">
          {lookup.data?.map((c) => (
            <IntakeCustomerCard
              key={c.id}
              customer={c}
              selected={customer?.id === c.id}
              onSelect={onSelect}
            />
          ))}
        </Flex>
      );
  }

  return (
    <Card title={t("intake.caller")}>
      <Input.Search
        autoFocus
        allowClear
        placeholder={t("intake.searchPlaceholder")}
        aria-label={t("intake.searchPlaceholder")}
        value={search}
        onChange={(e) => {
          const value = e.target.value;
          onSearch(value);
          // A caller nobody knows yet: the number typed is most likely the new customer's.
          if (/^\+?\d{7,}$/.test(value.trim())) onUnknownPhone(value.trim());
        }}
        data-testid="intake-search"
      />
      <div style={{ marginTop: 12 }}>{results}</div>
      {customer && (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          message={t("intake.customerChosen", { name: customer.name })}
          action={
            <Button size="small" onClick={onClear}>
              {t("intake.clear")}
            </Button>
          }
        />
      )}
    </Card>
  );
}
