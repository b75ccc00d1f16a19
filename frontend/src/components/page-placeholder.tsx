import { Card, Empty, Flex, Typography } from "antd";
import { usePageTitle } from "@/lib/page-title";

interface PagePlaceholderProps {
  title: string;
  description: string;
}

/** A page with its title and an empty state, for sections whose data is not there yet. */
export function PagePlaceholder({ title, description }: PagePlaceholderProps) {
  usePageTitle(title);
  return (
    <Flex vertical gap="middle">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      <Card>
        <Empty description={description} />
      </Card>
    </Flex>
  );
}
