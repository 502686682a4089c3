// What a reviewer is writing for the version on screen: markups, the one selected, the comment.
// Shared by the picture (where markups are drawn) and the review form beside it; a new task or a
// new round to review starts clean.
import { useEffect, useState } from 'react';
import type { Markup } from '../../../../shared/retouch/markup';

export interface ReviewDraft {
  markups: Markup[];
  setMarkups(markups: Markup[]): void;
  selectedId: string | null;
  setSelectedId(id: string | null): void;
  comment: string;
  setComment(comment: string): void;
}

export function useReviewDraft(taskId: string | undefined, round: number): ReviewDraft {
  const [markups, setMarkups] = useState<Markup[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the task or the round under review changes
  useEffect(() => {
    setMarkups([]);
    setSelectedId(null);
    setComment('');
  }, [taskId, round]);
  return { markups, setMarkups, selectedId, setSelectedId, comment, setComment };
}
