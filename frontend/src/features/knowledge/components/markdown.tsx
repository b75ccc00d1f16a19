import { Typography } from "antd";
import { Fragment, type ReactNode } from "react";
import { parseBlocks } from "./markdown-blocks";

/**
 * A small Markdown renderer for knowledge articles: headings (#, ##, ###), ordered and bulleted
 * lists, paragraphs, **bold**, `code` and [links](https://…). It builds React elements only —
 * never HTML from the text — so an article cannot inject markup or scripts; links other than
 * http(s) are shown as plain text.
 */
export function Markdown({ source }: { source: string }) {
  return <div data-testid="markdown">{blocks(source)}</div>;
}

function blocks(source: string): ReactNode[] {
  return parseBlocks(source).map((b, i) => {
    if (b.kind === "heading") {
      return (
        <Typography.Title key={i} level={(b.level + 2) as 3 | 4 | 5}>
          {inline(b.text)}
        </Typography.Title>
      );
    }
    if (b.kind === "list") {
      const items = b.items.map((item, j) => <li key={j}>{inline(item)}</li>);
      return b.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
    }
    return <Typography.Paragraph key={i}>{inline(b.text)}</Typography.Paragraph>;
  });
}

const INLINE = /(\*\*[^*]+\*\*|`[^`]+`|\[[^\]]+\]\([^)\s]+\))/g;

function inline(text: string): ReactNode[] {
  return text.split(INLINE).map((part, i) => {
    if (part.startsWith("**") && part.endsWith("**") && part.length > 4) {
      return <strong key={i}>{part.slice(2, -2)}</strong>;
    }
    if (part.startsWith("`") && part.endsWith("`") && part.length > 2) {
      return <code key={i}>{part.slice(1, -1)}</code>;
    }
    const link = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(part);
    if (link) {
      const [, label, href = ""] = link;
      return /^https?:\/\//i.test(href) ? (
        <a key={i} href={href} target="_blank" rel="noopener noreferrer">
          {label}
        </a>
      ) : (
        <Fragment key={i}>{label}</Fragment>
      );
    }
    return <Fragment key={i}>{part}</Fragment>;
  });
}
