// Turns anything a rejected promise can carry into one readable sentence for the page.
// Bridge errors are already sentences for students; anything else is wrapped so that no stack
// trace or bare "TypeError" ever reaches the screen.

const MAX_LENGTH = 280;

function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim().length > 0) ?? '';
  // Drop "TypeError: " style prefixes; they mean nothing to a student.
  return line.replace(/^\s*[A-Za-z]*Error:\s*/, '').trim();
}

function asSentence(text: string): string {
  const clipped = text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
  const capital = clipped.charAt(0).toUpperCase() + clipped.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}

function messageOf(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object' && 'message' in error) {
    const m = (error as { message: unknown }).message;
    if (typeof m === 'string') return m;
  }
  return '';
}

function isBridgeError(error: unknown): boolean {
  return !!error && typeof error === 'object' && (error as { name?: unknown }).name === 'BridgeError';
}

/** `context` says what was being attempted, e.g. "Training stopped". */
export function toUserMessage(error: unknown, context: string): string {
  const detail = firstLine(messageOf(error));
  if (isBridgeError(error) && detail) return asSentence(detail);
  if (!detail) return asSentence(`${context} for an unknown reason. Press Reset and try again`);
  return asSentence(`${context}: ${detail.replace(/[.!?]+$/, '')}`);
}
