import { screen, waitFor } from "@testing-library/react";
import { App, Button } from "antd";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/problem";
import { renderWithProviders } from "@/testing/render";
import { RowActions } from "./row-actions";

function removal(outcome: "ok" | Error) {
  return {
    mutate: vi.fn((_: string, handlers: { onError: (error: Error) => void }) => {
      if (outcome instanceof Error) handlers.onError(outcome);
    }),
    isPending: false,
    variables: undefined as string | undefined,
  };
}

function setup(outcome: "ok" | Error) {
  const remove = removal(outcome);
  const onEdit = vi.fn();
  const view = renderWithProviders(
    <App>
      <RowActions
        id="row-1"
        remove={remove}
        onEdit={onEdit}
        confirmDelete="Delete this row?"
        before={<Button size="small">deliveries</Button>}
      />
    </App>,
  );
  return { ...view, remove, onEdit };
}

describe("RowActions", () => {
  it("edits on click and shows the extra buttons in front", async () => {
    const { user, onEdit, remove } = setup("ok");
    const buttons = screen.getAllByRole("button").map((b) => b.textContent);
    expect(buttons).toEqual(["deliveries", "编 辑", "删 除"]);
    await user.click(screen.getByRole("button", { name: "编 辑" }));
    expect(onEdit).toHaveBeenCalledOnce();
    expect(remove.mutate).not.toHaveBeenCalled();
  });

  it("deletes the row only after the confirmation", async () => {
    const { user, remove } = setup("ok");
    await user.click(screen.getByRole("button", { name: "删 除" }));
    expect(await screen.findByText("Delete this row?")).toBeInTheDocument();
    expect(remove.mutate).not.toHaveBeenCalled();
    const confirm = screen.getAllByRole("button", { name: /删\s*除/ }).at(-1);
    if (!confirm) throw new Error("no confirm button");
    await user.click(confirm);
    expect(remove.mutate).toHaveBeenCalledWith("row-1", expect.anything());
  });

  it("shows the server's refusal as a message", async () => {
    const { user } = setup(new ApiError(409, null, null));
    await user.click(screen.getByRole("button", { name: "删 除" }));
    const confirm = (await screen.findAllByRole("button", { name: /删\s*除/ })).at(-1);
    if (!confirm) throw new Error("no confirm button");
    await user.click(confirm);
    await waitFor(() => {
      expect(screen.getByText("当前状态不允许此操作")).toBeInTheDocument();
    });
  });
});
