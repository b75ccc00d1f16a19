import { Alert, Button, Card, Skeleton } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";

/** The part of a React Query result a card needs. */
export interface CardQuery<T> {
  data: T | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

interface QueryCardProps<T> {
  title: ReactNode;
  query: CardQuery<T>;
  testId: string;
  extra?: ReactNode;
  /** Rendered once the data is there (including its own empty state). */
  children: (data: T) => ReactNode;
}

/**
 * A dashboard card over one request: a skeleton while loading, the problem and a retry button
 * when it failed (never an endless spinner), the content once loaded.
 */
export function QueryCard<T>({ title, query, testId, extra, children }: QueryCardProps<T>) {
  const { t } = useTranslation();
  let body: ReactNode;
  if (query.isError) {
    body = (
      <Alert
        type="warning"
        showIcon
        message={errorMessage(query.error, t)}
        data-testid={`${testId}-error`}
        action={
          <Button
            size="small"
            onClick={() => {
              void query.refetch();
            }}
          >
            {t("common.retry")}
          </Button>
        }
      />
    );
  } else if (query.isPending || query.data === undefined) {
    body = (
      <div data-testid={`${testId}-loading`} aria-busy="true">
        <Skeleton active paragraph={{ rows: 2 }} title={false} />
      </div>
    );
  } else {
    body = children(query.data);
  }
  return (
    <Card title={title} extra={extra} data-testid={testId} style={{ height: "100%" }}>
      {body}
    </Card>
  );
}
