// "Download compressed model": the real encoded file whose length is the "Model size" above
// (format in docs/FORMAT.md), so the size on screen can be checked on disk.
import { useState } from 'react';
import { useAppStore } from '../../store';
import { bridge } from '../../store/bridge';
import { toCompressionSettings } from '../../store/compressSettings';
import { toUserMessage } from '../../store/errors';

function fileName(model: string, sparsity: number, bits: number): string {
  return `${model}-pruned${Math.round(sparsity * 1000) / 10}-${bits}bit.cpgm`;
}

export function DownloadModel() {
  const ready = useAppStore((s) => s.baselineStatus === 'ready');
  const [error, setError] = useState('');
  const download = async () => {
    const s = useAppStore.getState();
    try {
      const bytes = await bridge().encodedModel(toCompressionSettings(s.compressUi, s.runSpec?.seed ?? 0));
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/octet-stream' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName(s.baseline?.modelId ?? 'model', s.compressUi.sparsity, s.compressUi.bits);
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      setError('');
    } catch (err) {
      setError(toUserMessage(err, 'Could not prepare the download'));
    }
  };
  return (
    <div className="download-model">
      <button type="button" className="btn" disabled={!ready} onClick={() => void download()}>
        Download compressed model
      </button>
      <span role="alert" className="download-model__error">
        {error}
      </span>
    </div>
  );
}
