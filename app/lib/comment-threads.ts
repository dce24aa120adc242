/** Comments as threads: a root comment and its replies, in the order they were written. */
import type { CommentView } from "../../core/consensus-contract";

export interface CommentThread {
  root: CommentView;
  replies: CommentView[];
}

/** Threads of one row (or of the board when rowId is omitted). A deleted root stays while it has live replies. */
export function threadsOf(comments: readonly CommentView[], rowId?: string): CommentThread[] {
  const threads = new Map<string, CommentThread>();
  for (const comment of comments) {
    if (rowId !== undefined && comment.rowId !== rowId) continue;
    if (comment.parentId === null) threads.set(comment.id, { root: comment, replies: [] });
  }
  for (const comment of comments) {
    if (comment.parentId !== null && !comment.deleted) threads.get(comment.parentId)?.replies.push(comment);
  }
  const byTime = (a: CommentView, b: CommentView) => a.createdAt.localeCompare(b.createdAt);
  return [...threads.values()]
    .filter((thread) => !thread.root.deleted || thread.replies.length > 0)
    .map((thread) => ({ root: thread.root, replies: thread.replies.sort(byTime) }))
    .sort((a, b) => byTime(a.root, b.root));
}

export const isOpen = (thread: CommentThread) => thread.root.resolvedAt === null && !thread.root.deleted;

/** Open threads of the whole board, those that mention me first, then newest activity first. */
export function openThreads(comments: readonly CommentView[]): CommentThread[] {
  const lastActivity = (thread: CommentThread) =>
    thread.replies[thread.replies.length - 1]?.createdAt ?? thread.root.createdAt;
  const mentionsMe = (thread: CommentThread) =>
    thread.root.mentionsMe || thread.replies.some((reply) => reply.mentionsMe);
  return threadsOf(comments)
    .filter(isOpen)
    .sort((a, b) => Number(mentionsMe(b)) - Number(mentionsMe(a)) || lastActivity(b).localeCompare(lastActivity(a)));
}

export function threadMentionsMe(thread: CommentThread): boolean {
  return thread.root.mentionsMe || thread.replies.some((reply) => reply.mentionsMe);
}
