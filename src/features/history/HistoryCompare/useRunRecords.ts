// The compared runs' whole records (curves and points), read from the History when the ticked
// runs change or one of them is renamed; the list itself holds only summaries.
import { useEffect, useState } from 'react';
import type { RunRecord, RunSummary } from '../../../history/types';
import { useAppStore } from '../../../store';

export function useRunRecords(summaries: readonly RunSummary[]): RunRecord[] {
  const [records, setRecords] = useState<RunRecord[]>([]);
  useEffect(() => {
    let current = true;
    void useAppStore
      .getState()
      .historyRecords(summaries.map((s) => s.id))
      .then((runs) => {
        if (current) setRecords(runs);
      });
    return () => {
      current = false;
    };
  }, [summaries]);
  // Until the new records arrive, draw only runs still ticked, under their current names.
  const byId = new Map(summaries.map((s) => [s.id, s]));
  return records.filter((r) => byId.has(r.id)).map((r) => ({ ...r, name: byId.get(r.id)!.name }));
}
