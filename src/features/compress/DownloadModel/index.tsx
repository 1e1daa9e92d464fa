// "Download compressed model": the real encoded file whose length is the "Model size" above
// (format in docs/FORMAT.md), so the size on screen can be checked on disk. "Download TF.js
// model": the same compressed weights, dequantized to float32, as model.json plus the weights
// file it names, for tf.loadLayersModel. "Download C code": a header holding the encoded
// weights as const arrays and a C99 file with predict() (engine/export/c), for a microcontroller.
import { useEffect, useState } from 'react';
import { useAppStore } from '../../../store';
import { toUserMessage } from '../../../shared/errors';
import './DownloadModel.css';

function save(blob: Blob, name: string): string {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  return url;
}

interface SavedFile {
  url: string;
  name: string;
}

interface CFiles {
  header: SavedFile;
  source: SavedFile;
  arrayBytes: number;
  fileBytes: number;
}

const kB = (bytes: number): string => (bytes / 1000).toLocaleString('en', { maximumFractionDigits: 1 });

interface TfjsFiles {
  json: { url: string; name: string };
  weights: { url: string; name: string; bytes: number };
}

export function DownloadModel() {
  const ready = useAppStore((s) => s.baselineStatus === 'ready');
  const [error, setError] = useState('');
  const [tfjs, setTfjs] = useState<TfjsFiles | null>(null);
  const [cFiles, setCFiles] = useState<CFiles | null>(null);
  // The links stay usable until the next export (a browser may block the second download).
  useEffect(() => () => {
    if (tfjs) [tfjs.json.url, tfjs.weights.url].forEach((u) => URL.revokeObjectURL(u));
  }, [tfjs]);
  useEffect(() => () => {
    if (cFiles) [cFiles.header.url, cFiles.source.url].forEach((u) => URL.revokeObjectURL(u));
  }, [cFiles]);

  const download = async () => {
    try {
      const file = await useAppStore.getState().encodedModelFile('compressed');
      const url = save(new Blob([file.bytes as BlobPart], { type: 'application/octet-stream' }), file.fileName);
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      setError('');
    } catch (err) {
      setError(toUserMessage(err, 'Could not prepare the download'));
    }
  };

  const downloadTfjs = async () => {
    try {
      const files = await useAppStore.getState().layersModelFiles();
      const json = { url: save(new Blob([files.modelJson], { type: 'application/json' }), 'model.json'), name: 'model.json' };
      const weights = {
        url: save(new Blob([files.weightData as BlobPart], { type: 'application/octet-stream' }), files.weightsFileName),
        name: files.weightsFileName,
        bytes: files.weightData.byteLength,
      };
      setTfjs({ json, weights });
      setError('');
    } catch (err) {
      setError(toUserMessage(err, 'Could not prepare the TF.js model'));
    }
  };

  const downloadC = async () => {
    try {
      const files = await useAppStore.getState().cCodeFiles();
      const text = (body: string, name: string): SavedFile => ({ url: save(new Blob([body], { type: 'text/x-c' }), name), name });
      setCFiles({ header: text(files.header, files.headerName), source: text(files.source, files.sourceName), arrayBytes: files.arrayBytes, fileBytes: files.fileBytes });
      setError('');
    } catch (err) {
      setError(toUserMessage(err, 'Could not prepare the C code'));
    }
  };

  return (
    <div className="download-model">
      <button type="button" className="btn" disabled={!ready} onClick={() => void download()}>
        Download compressed model
      </button>
      <button type="button" className="btn" disabled={!ready} onClick={() => void downloadTfjs()}>
        Download TF.js model
      </button>
      <button type="button" className="btn" disabled={!ready} onClick={() => void downloadC()}>
        Download C code
      </button>
      {tfjs ? (
        <p className="download-model__files">
          Saved <a href={tfjs.json.url} download={tfjs.json.name}>{tfjs.json.name}</a> and{' '}
          <a href={tfjs.weights.url} download={tfjs.weights.name}>{tfjs.weights.name}</a> ({(tfjs.weights.bytes / 1000).toLocaleString('en', { maximumFractionDigits: 1 })} kB of float32:
          the compressed weights dequantized). Keep them in one folder and load with tf.loadLayersModel.
        </p>
      ) : null}
      {cFiles ? (
        <p className="download-model__files">
          Saved <a href={cFiles.header.url} download={cFiles.header.name}>{cFiles.header.name}</a> ({kB(cFiles.arrayBytes)} kB of weight arrays
          in the encoded layout; the file is {kB(cFiles.fileBytes)} kB with names and shapes) and{' '}
          <a href={cFiles.source.url} download={cFiles.source.name}>{cFiles.source.name}</a> (C99, no malloc). Its first lines say how to
          build it with gcc and measure it on the MNIST test files.
        </p>
      ) : null}
      <span role="alert" className="download-model__error">
        {error}
      </span>
    </div>
  );
}
