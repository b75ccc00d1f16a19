import { screen, waitFor } from "@testing-library/react";
import { Button, Form, Input } from "antd";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "@/testing/render";
import { ApiError } from "./problem";
import { useVersionedForm } from "./use-versioned-form";

interface Row {
  id: string;
  version: number;
  name: string;
}

type Handlers = { onSuccess: (saved: Row) => void; onError: (error: Error) => void };

/** A mutation that answers `outcome` (a value resolves, an Error fails) and records its variables. */
function fakeMutation(outcome: Row | Error) {
  const mutate = vi.fn<(variables: unknown, handlers: Handlers) => void>((_, handlers) => {
    if (outcome instanceof Error) handlers.onError(outcome);
    else handlers.onSuccess(outcome);
  });
  return { mutate, isPending: false };
}

function Harness({
  row,
  create,
  update,
  onSaved,
}: {
  row: Row | null;
  create: ReturnType<typeof fakeMutation>;
  update: ReturnType<typeof fakeMutation>;
  onSaved: (saved: Row, created: boolean) => void;
}) {
  const [form] = Form.useForm<{ name: string }>();
  const { save, problem } = useVersionedForm({
    form,
    row,
    create,
    update,
    conflict: "duplicate",
    onSaved,
  });
  return (
    <Form form={form} initialValues={{ name: row?.name ?? "new" }}>
      {problem && <p data-testid="problem">{problem}</p>}
      <Form.Item name="name" label="name">
        <Input />
      </Form.Item>
      <Button
        onClick={() => {
          save({ create: { name: "created" }, update: { name: "updated" } });
        }}
      >
        save
      </Button>
    </Form>
  );
}

const existing: Row = { id: "r1", version: 3, name: "old" };
const saved: Row = { id: "r1", version: 4, name: "updated" };
const failure = (status: number, errors?: Record<string, string[]>) =>
  new ApiError(
    status,
    { type: "about:blank", title: "t", detail: "d", status, ...(errors ? { errors } : {}) },
    null,
  );

function setup(row: Row | null, outcome: Row | Error) {
  const create = fakeMutation(outcome);
  const update = fakeMutation(outcome);
  const onSaved = vi.fn();
  const view = renderWithProviders(<Harness row={row} create={create} update={update} onSaved={onSaved} />);
  return { ...view, create, update, onSaved };
}

describe("useVersionedForm", () => {
  it("creates a new row with the create body", async () => {
    const { user, create, update, onSaved } = setup(null, saved);
    await user.click(screen.getByRole("button", { name: "save" }));
    expect(create.mutate).toHaveBeenCalledWith({ name: "created" }, expect.anything());
    expect(update.mutate).not.toHaveBeenCalled();
    expect(onSaved).toHaveBeenCalledWith(saved, true);
  });

  it("updates an existing row with the version it was read at", async () => {
    const { user, create, update, onSaved } = setup(existing, saved);
    await user.click(screen.getByRole("button", { name: "save" }));
    expect(update.mutate).toHaveBeenCalledWith(
      { id: "r1", version: 3, body: { name: "updated" } },
      expect.anything(),
    );
    expect(create.mutate).not.toHaveBeenCalled();
    expect(onSaved).toHaveBeenCalledWith(saved, false);
  });

  it("names a 409 with the form's conflict message", async () => {
    const { user, onSaved } = setup(null, failure(409));
    await user.click(screen.getByRole("button", { name: "save" }));
    expect(await screen.findByTestId("problem")).toHaveTextContent(/^duplicate$/);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it("tells a stale edit (412) to reload", async () => {
    const { user } = setup(existing, failure(412));
    await user.click(screen.getByRole("button", { name: "save" }));
    expect(await screen.findByTestId("problem")).toHaveTextContent("内容已被他人修改，请刷新后重试");
  });

  it("puts field errors on their inputs and the others in the problem line", async () => {
    const { user } = setup(existing, failure(422, { name: ["too long"], secret: ["too short"] }));
    await user.click(screen.getByRole("button", { name: "save" }));
    expect(await screen.findByText("too long")).toBeInTheDocument();
    await waitFor(() => {
      expect(screen.getByTestId("problem")).toHaveTextContent("提交的内容有误; too short");
    });
    expect(screen.getByTestId("problem")).not.toHaveTextContent("too long");
  });

  it("clears the previous problem when saving again", async () => {
    const create = fakeMutation(failure(409));
    const update = fakeMutation(saved);
    const onSaved = vi.fn();
    const { user, rerender } = renderWithProviders(
      <Harness row={null} create={create} update={update} onSaved={onSaved} />,
    );
    await user.click(screen.getByRole("button", { name: "save" }));
    expect(await screen.findByTestId("problem")).toBeInTheDocument();
    create.mutate.mockImplementation((_, handlers) => {
      handlers.onSuccess(saved);
    });
    rerender(<Harness row={null} create={create} update={update} onSaved={onSaved} />);
    await user.click(screen.getByRole("button", { name: "save" }));
    await waitFor(() => {
      expect(screen.queryByTestId("problem")).toBeNull();
    });
    expect(onSaved).toHaveBeenCalledWith(saved, true);
  });
});
