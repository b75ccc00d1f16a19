/** The blocks of a Markdown text: headings, lists and paragraphs (see `Markdown`). */
export type Block =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "list"; ordered: boolean; items: string[] }
  | { kind: "paragraph"; text: string };

export function parseBlocks(source: string): Block[] {
  const out: Block[] = [];
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length) out.push({ kind: "paragraph", text: paragraph.join(" ") });
    paragraph = [];
  };
  for (const raw of source.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trim();
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    const bullet = /^[-*+]\s+(.*)$/.exec(line);
    const numbered = /^\d+[.)、]\s*(.*)$/.exec(line);
    if (!line) {
      endParagraph();
    } else if (heading) {
      endParagraph();
      out.push({ kind: "heading", level: (heading[1]?.length ?? 1) as 1 | 2 | 3, text: heading[2] ?? "" });
    } else if (bullet || numbered) {
      endParagraph();
      const ordered = Boolean(numbered);
      const text = (bullet ? bullet[1] : numbered?.[1]) ?? "";
      const last = out[out.length - 1];
      if (last?.kind === "list" && last.ordered === ordered) last.items.push(text);
      else out.push({ kind: "list", ordered, items: [text] });
    } else {
      paragraph.push(line);
    }
  }
  endParagraph();
  return out;
}
