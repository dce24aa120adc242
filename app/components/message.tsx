/**
 * A translated message whose parameters are elements ("Created <time>…</time>",
 * "Members · <span>title</span>"): the catalogue decides the word order, the
 * elements are placed where their {placeholders} are. Plain-text messages use t().
 */
import { Fragment, type ReactNode } from "react";
import { tParts, type MessageKey } from "~/i18n";

interface Props {
  id: MessageKey;
  values: Readonly<Record<string, ReactNode>>;
}

export function Message({ id, values }: Props) {
  return (
    <>
      {tParts(id, values).map((part, index) => (
        <Fragment key={index}>{part}</Fragment>
      ))}
    </>
  );
}
