import type { ReactNode } from "react";

/** Where a standard reply may be inserted: the action, and the form field receiving the text. */
export const TEMPLATE_FIELDS = { reply: "content", visit: "comment", comment: "body" } as const;
export type TemplateUse = keyof typeof TEMPLATE_FIELDS;

/** Renders a standard-reply picker for a form; the app composes it from the reply-templates feature. */
export type TemplateSlot = (use: TemplateUse, insert: (text: string) => void) => ReactNode;

/**
 * Renders the knowledge-article control of the close-on-spot form for a case title (a form control
 * taking `value`/`onChange`); the app composes it from the knowledge feature.
 */
export type ArticleSlot = (caseTitle: string) => ReactNode;
