import { render, renderHook, waitFor } from "@testing-library/react";
import { StrictMode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useObjectUrl } from "./use-object-url";

let made = 0;
const create = vi.fn(() => `blob:test-${String(++made)}`);
const revoke = vi.fn();

beforeEach(async () => {
  // Let the previous test's unmounts revoke their URLs before counting this test's.
  await new Promise((resolve) => setTimeout(resolve, 5));
  made = 0;
  create.mockClear();
  revoke.mockClear();
  vi.stubGlobal("URL", Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke }));
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const blob = (text: string) => new Blob([text], { type: "image/png" });

function Shown({ of }: { of: Blob }) {
  const url = useObjectUrl(of);
  return <img alt="photo" src={url} />;
}

describe("useObjectUrl", () => {
  it("has no URL without a blob", () => {
    const { result } = renderHook(() => useObjectUrl(undefined));
    expect(result.current).toBeUndefined();
    expect(create).not.toHaveBeenCalled();
  });

  it("revokes the URL when the component unmounts", async () => {
    const photo = blob("a");
    const { result, unmount } = renderHook(() => useObjectUrl(photo));
    expect(result.current).toBe("blob:test-1");
    unmount();
    await waitFor(() => {
      expect(revoke).toHaveBeenCalledWith("blob:test-1");
    });
    expect(create).toHaveBeenCalledOnce();
  });

  it("revokes the old URL when the blob is replaced, and keeps the new one", async () => {
    const first = blob("a");
    const second = blob("b");
    const { result, rerender } = renderHook(({ of }) => useObjectUrl(of), { initialProps: { of: first } });
    expect(result.current).toBe("blob:test-1");
    rerender({ of: second });
    expect(result.current).toBe("blob:test-2");
    await waitFor(() => {
      expect(revoke).toHaveBeenCalledWith("blob:test-1");
    });
    expect(revoke).not.toHaveBeenCalledWith("blob:test-2");
  });

  it("survives StrictMode's second effect run with a live URL", async () => {
    const photo = blob("a");
    const { container, unmount } = render(
      <StrictMode>
        <Shown of={photo} />
      </StrictMode>,
    );
    expect(container.querySelector("img")).toHaveAttribute("src", "blob:test-1");
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(revoke).not.toHaveBeenCalled();
    expect(create).toHaveBeenCalledOnce();
    unmount();
    await waitFor(() => {
      expect(revoke).toHaveBeenCalledWith("blob:test-1");
    });
  });

  it("shares one URL between components showing the same blob until the last one goes", async () => {
    const photo = blob("a");
    const first = render(<Shown of={photo} />);
    const second = render(<Shown of={photo} />);
    expect(create).toHaveBeenCalledOnce();
    first.unmount();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(revoke).not.toHaveBeenCalled();
    expect(second.container.querySelector("img")).toHaveAttribute("src", "blob:test-1");
    second.unmount();
    await waitFor(() => {
      expect(revoke).toHaveBeenCalledWith("blob:test-1");
    });
  });
});
