// "Export as PyTorch script": downloads a runnable Python file that repeats the experiment on the
// controls at full scale, on one process or many; in the Lottery view, the lottery run
// (scriptFor.ts chooses). The file writes a results JSON that History > Import takes back.
import { useState } from 'react';
import { useAppStore } from '../../../store';
import { scriptFor } from './scriptFor';
import './ExportScriptButton.css';

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/x-python' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The click has handed the file to the browser; the URL can go on the next turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function ExportScriptButton() {
  const [said, setSaid] = useState('');
  const lottery = useAppStore((s) => s.view === 'lottery');
  const exportScript = async () => {
    try {
      const { name, text, what } = await scriptFor(useAppStore.getState());
      download(name, text);
      setSaid(`Saved ${name} (${what}): run it with python3 (needs torch and numpy); History > Import takes its results file.`);
    } catch (error) {
      setSaid(error instanceof Error ? error.message : 'Could not write the PyTorch script.');
    }
    setTimeout(() => setSaid(''), 8000);
  };
  return (
    <div className="export-script">
      {/* The name stays whole for screen readers while narrow headers show the short label. */}
      <button
        type="button"
        className="btn"
        onClick={() => void exportScript()}
        aria-label="Export as PyTorch script"
        title={`A Python file that repeats ${lottery ? 'this lottery run' : 'this experiment'} with PyTorch at full scale, on one process or many`}
      >
        <span>
          <span className="export-script__verb">Export as </span>PyTorch script
        </span>
      </button>
      <span role="status" className="copy-link__said">
        {said}
      </span>
    </div>
  );
}
