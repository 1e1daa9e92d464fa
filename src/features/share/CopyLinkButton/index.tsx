// "Copy link": the address of this exact experiment (every control, the seed and the open view)
// onto the clipboard, so a colleague's browser opens the same settings.
import { useState } from 'react';
import { useAppStore } from '../../../store';
import { linkFor } from '../../../store/link';

export function CopyLinkButton() {
  const [said, setSaid] = useState('');
  const copy = async () => {
    const link = linkFor(useAppStore.getState());
    try {
      await navigator.clipboard.writeText(link);
      setSaid('Link copied: it opens these exact settings, seed included.');
    } catch {
      // No clipboard permission (some embedded or private windows): show it to copy by hand.
      setSaid(`Copy this link by hand: ${link}`);
    }
    setTimeout(() => setSaid(''), 6000);
  };
  return (
    <div className="copy-link">
      <button type="button" className="btn" onClick={() => void copy()}>
        Copy link
      </button>
      <span role="status" className="copy-link__said">
        {said}
      </span>
    </div>
  );
}
