/** A comment's text, safely: React text nodes, <br/> between lines (each in its own <bdi>), and http(s) links that open apart. */
import { Fragment } from "react";
import { commentLines } from "~/lib/comment-text";

export function CommentBody({ body }: { body: string }) {
  return (
    <p className="comment-body">
      {commentLines(body).map((segments, line) => (
        <Fragment key={line}>
          {line > 0 && <br />}
          {/* Each line isolated: an override typed in one line ends with it. */}
          <bdi>
            {segments.map((segment, index) =>
              segment.kind === "link" ? (
                <a key={index} href={segment.href} rel="noopener noreferrer nofollow" target="_blank">
                  {segment.text}
                </a>
              ) : (
                <Fragment key={index}>{segment.text}</Fragment>
              ),
            )}
          </bdi>
        </Fragment>
      ))}
    </p>
  );
}
