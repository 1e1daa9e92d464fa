// "Export as PyTorch script": downloads a runnable Python file that repeats the experiment on the
// controls at full scale (src/engine/export/pytorchScript.ts). The generator loads on the first
// click, so its ~15 KB of Python text never weighs on the first paint.
import { useState } from 'react';
import { useAppStore } from '../../../store';
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
  const exportScript = async () => {
    const { spec, compressUi } = useAppStore.getState();
    try {
      const { pytorchScript, pytorchScriptName } = await import('../../../engine/export/pytorchScript');
      const name = pytorchScriptName(spec);
      download(name, pytorchScript({ spec, compression: compressUi }));
      setSaid(`Saved ${name}: run it with python3 (needs torch and numpy).`);
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
        title="A Python file that repeats this experiment with PyTorch, at full scale"
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
