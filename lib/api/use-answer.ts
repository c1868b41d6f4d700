"use client";

import { useEffect, useRef, useState } from "react";

// The browser's one way to ask the server a question that follows what the editor does (the group
// picker's search, the composer's preflight): asked for each new key, the last answer kept while the
// next is out, a question overtaken by the next one abandoned, and 重试 asking the same key again.

export type Answer<T> = { key: string; attempt: number; data: T | undefined; error: Error | null };

export type KeyedAnswer<T> = {
  /** The last answer, for this key or (while its question is out) the one before; null before the first. */
  answer: Answer<T> | null;
  /** The answer is for the key asked now. */
  current: boolean;
  /** 重试 was pressed and its answer has not come. */
  retrying: boolean;
  retry: () => void;
};

/** A question: `key` names what is asked (a new key, a new question); `ask` asks it. */
export type Question<T> = { key: string; ask: (signal: AbortSignal) => Promise<T> };

/**
 * The answer to `question` (null: nothing to ask). Its `ask` is called with a signal aborted when
 * the key changes or the component goes; a failure that `askAgain` accepts is asked once more.
 */
export function useAnswer<T>(question: Question<T> | null, askAgain: (error: Error) => boolean): KeyedAnswer<T> {
  const [attempt, setAttempt] = useState(0);
  const [answer, setAnswer] = useState<Answer<T> | null>(null);
  const key = question?.key ?? null;
  // The question as this render asks it (its closure holds the key's parameters); not a reason to ask.
  const latest = useRef({ question, askAgain });
  useEffect(() => {
    latest.current = { question, askAgain };
  });
  useEffect(() => {
    const { question, askAgain } = latest.current;
    if (key === null || question === null) return;
    const { ask } = question;
    const controller = new AbortController();
    const once = (tries: number): Promise<T> =>
      ask(controller.signal).catch((error: Error) => {
        if (tries > 1 || controller.signal.aborted || !askAgain(error)) throw error;
        return once(tries + 1);
      });
    once(1).then(
      (data) => setAnswer({ key, attempt, data, error: null }),
      (error: Error) => {
        if (!controller.signal.aborted) setAnswer({ key, attempt, data: undefined, error });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);
  return {
    answer,
    current: answer !== null && answer.key === key,
    retrying: answer !== null && answer.attempt !== attempt,
    retry: () => setAttempt((n) => n + 1),
  };
}
