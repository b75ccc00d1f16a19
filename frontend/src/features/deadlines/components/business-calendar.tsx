import { App, Button, Card, Checkbox, DatePicker, Flex, Form, Input, Spin, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { ApiError, applyFieldErrors, errorMessage } from "@/lib/problem";
import { useSlaCalendar } from "../api/sla-calendar";
import { type BusinessCalendar as Calendar, useUpdateSlaCalendar } from "../api/update-sla-calendar";
import { ReadOnlyNotice } from "./read-only-notice";

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A list of dates (YYYY-MM-DD): a date picker adds one, each tag removes one. */
function DateList({
  value = [],
  onChange,
  testId,
  disabled = false,
}: {
  value?: string[];
  onChange?: (dates: string[]) => void;
  testId: string;
  /** Read-only: no picker, tags not removable. */
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap="small">
      {!disabled && (
        <DatePicker
          value={null}
          allowClear={false}
          placeholder={t("deadlines.addDate")}
          data-testid={testId}
          onChange={(date: Dayjs) => {
            const day = date.format("YYYY-MM-DD");
            if (!value.includes(day)) onChange?.([...value, day].sort());
          }}
        />
      )}
      <Flex wrap gap={4}>
        {value.length === 0 && <Typography.Text type="secondary">{t("common.none")}</Typography.Text>}
        {value.map((day) => (
          <Tag
            key={day}
            closable={!disabled}
            onClose={() => {
              onChange?.(value.filter((d) => d !== day));
            }}
          >
            {day} {dayjs(day).format("ddd")}
          </Tag>
        ))}
      </Flex>
    </Flex>
  );
}

function CalendarForm({ calendar, etag, editable }: { calendar: Calendar; etag: string; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Calendar>();
  const save = useUpdateSlaCalendar();
  const timeRule = [
    { required: true, message: t("common.required") },
    { pattern: TIME, message: t("deadlines.timeFormat") },
  ];
  return (
    <Form<Calendar>
      form={form}
      layout="vertical"
      initialValues={calendar}
      disabled={!editable}
      style={{ maxWidth: 640 }}
      onFinish={(values) => {
        save.mutate(
          { etag, body: values },
          {
            onSuccess: () => void message.success(t("deadlines.saved")),
            onError: (error) => {
              applyFieldErrors(form, error);
              void message.error(
                error instanceof ApiError && error.status === 412
                  ? t("errors.stale")
                  : errorMessage(error, t),
              );
            },
          },
        );
      }}
    >
      <Form.Item
        name="working_weekdays"
        label={t("deadlines.workingWeekdays")}
        rules={[{ required: true, message: t("common.required") }]}
      >
        <Checkbox.Group options={WEEKDAYS.map((d) => ({ value: d, label: t(`deadlines.weekday.${d}`) }))} />
      </Form.Item>
      <Flex gap="middle">
        <Form.Item name="day_start" label={t("deadlines.dayStart")} rules={timeRule}>
          <Input placeholder="09:00" style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="day_end" label={t("deadlines.dayEnd")} rules={timeRule}>
          <Input placeholder="18:00" style={{ width: 120 }} />
        </Form.Item>
      </Flex>
      <Form.Item name="holidays" label={t("deadlines.holidays")} extra={t("deadlines.holidaysHint")}>
        <DateList testId="holiday-picker" disabled={!editable} />
      </Form.Item>
      <Form.Item name="make_up_days" label={t("deadlines.makeUpDays")} extra={t("deadlines.makeUpDaysHint")}>
        <DateList testId="make-up-picker" disabled={!editable} />
      </Form.Item>
      {editable && (
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t("common.save")}
        </Button>
      )}
    </Form>
  );
}

/** The business calendar used by policies counting working hours only (read-only without `editable`). */
export function BusinessCalendar({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const calendar = useSlaCalendar();
  return (
    <Card title={t("deadlines.calendar")}>
      {!editable && <ReadOnlyNotice />}
      <Typography.Paragraph type="secondary">{t("deadlines.calendarHint")}</Typography.Paragraph>
      {calendar.isError ? (
        <Typography.Text type="danger">{errorMessage(calendar.error, t)}</Typography.Text>
      ) : calendar.data ? (
        <CalendarForm
          key={calendar.data.etag}
          calendar={calendar.data.calendar}
          etag={calendar.data.etag}
          editable={editable}
        />
      ) : (
        <Spin />
      )}
    </Card>
  );
}
