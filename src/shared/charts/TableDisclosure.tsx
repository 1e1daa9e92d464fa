// "Show as a table": a disclosure whose table is built only once it is opened, so the charts'
// text alternatives cost nothing while rounds stream in.
import { useState, type ReactNode } from 'react';
import './TableDisclosure.css';

export function TableDisclosure({ children }: { children: () => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="chart-table" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Show as a table</summary>
      {open ? children() : null}
    </details>
  );
}
