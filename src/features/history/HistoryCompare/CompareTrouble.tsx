// Shown instead of the comparison when drawing it threw: the compared runs whose saved records
// do not pass the results schema are named, each with a way to delete it; unticking them all
// brings the comparison back. A run kept by an older version, or storage damaged outside the
// page, must not take the History down.
import { useEffect, useState } from 'react';
import { runProblem } from '../../../history/resultsSchema';
import { useAppStore } from '../../../store';

interface Damaged {
  id: string;
  name: string;
  problem: string;
}

export function CompareTrouble({ retry }: { retry: () => void }) {
  const selection = useAppStore((s) => s.historySelection);
  const [damaged, setDamaged] = useState<Damaged[] | null>(null);
  useEffect(() => {
    let current = true;
    void useAppStore
      .getState()
      .historyRecords(selection)
      .then((records) => {
        const found = records.flatMap((r) => {
          const problem = runProblem(r);
          return problem ? [{ id: String(r.id), name: typeof r.name === 'string' ? r.name : String(r.id), problem }] : [];
        });
        if (current) setDamaged(found);
      });
    return () => {
      current = false;
    };
  }, [selection]);
  const { deleteRun, toggleRunSelected } = useAppStore.getState();
  const untickAll = () => {
    for (const id of selection) toggleRunSelected(id);
    retry();
  };
  return (
    <div className="panel-crash" role="alert">
      <p className="panel-crash__text">
        <strong>The comparison could not be drawn.</strong> The rest of the playground still works.
      </p>
      {damaged && damaged.length > 0 ? (
        <ul className="panel-crash__list">
          {damaged.map((d) => (
            <li key={d.id}>
              The saved run "{d.name}" is {d.problem}{' '}
              <button type="button" className="btn" onClick={() => void deleteRun(d.id).then(retry)}>
                Delete "{d.name}"
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="panel-crash__actions">
        <button type="button" className="btn" onClick={untickAll}>
          Untick the compared runs
        </button>
        <button type="button" className="btn" onClick={retry}>
          Try again
        </button>
      </div>
    </div>
  );
}
