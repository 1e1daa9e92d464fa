import type { Locator, Page } from '@playwright/test';

export interface HistoryWalk {
  wheelStart: number;
  keysStart: number;
  hoverStart: number;
  end: number;
  wheels: number;
  pageDowns: number;
  /** Times focus had left the list and was put back on a visible row. */
  focusLost: number;
  hoverMoves: number;
}

export function walkHistoryList(page: Page, list: Locator, runs: number, checks?: { afterWheel?: () => Promise<void>; afterKeys?: () => Promise<void> }): Promise<HistoryWalk>;
