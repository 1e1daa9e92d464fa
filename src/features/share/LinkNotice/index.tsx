// What opening a share link ignored, said plainly, in a live region screen readers announce.
// Nothing from the link is rendered as HTML: the notes are text.
import { useAppStore } from '../../../store';
import './LinkNotice.css';

export function LinkNotice() {
  const notes = useAppStore((s) => s.linkNotes);
  const dismiss = useAppStore((s) => s.dismissLinkNotes);
  return (
    <div role="status" className="link-notice-region">
      {notes.length > 0 ? (
        <div className="link-notice">
          <div>
            <strong>This link had settings the playground could not use.</strong> The rest of it was applied.
            <ul>
              {notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          </div>
          <button type="button" className="btn" onClick={dismiss}>
            Dismiss
          </button>
        </div>
      ) : null}
    </div>
  );
}
