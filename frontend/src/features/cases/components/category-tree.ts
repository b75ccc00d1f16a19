import type { Category } from "@/lib/types";

export interface TreeNode {
  value: string;
  title: string;
  children: TreeNode[];
}

/** The active categories as a tree for a `TreeSelect`, named in the UI language. */
export function categoryTree(items: Category[], english: boolean): TreeNode[] {
  const node = (c: Category): TreeNode => ({
    value: c.id,
    title: english ? c.name_en : c.name,
    children: items.filter((x) => x.parent_id === c.id && x.active).map(node),
  });
  return items.filter((c) => !c.parent_id && c.active).map(node);
}
