// A control-panel section heading that says, in place, when its inputs are locked by a run
// (no banner that pushes the inputs around when training starts).
import './SectionTitle.css';

interface Props {
  id: string;
  title: string;
  locked: boolean;
}

export function SectionTitle({ id, title, locked }: Props) {
  return (
    <div className="section-title">
      <h2 className="section-title__text" id={id}>
        {title}
      </h2>
      {locked ? (
        <span className="section-title__lock" title="Press Reset to change these settings">
          <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2H13v7H3V7zm1.5 0h4V5a2 2 0 0 0-4 0z" />
          </svg>
          Locked<span className="visually-hidden"> while training</span>
        </span>
      ) : null}
    </div>
  );
}
