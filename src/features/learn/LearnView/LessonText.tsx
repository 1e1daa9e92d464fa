// Lesson text with its glossary marks turned into terms; everything else stays plain text.
import { parseMarkup } from '../../../lessons/markup';
import { Term } from '../../../shared/ui/Term';

export function LessonText({ text }: { text: string }) {
  return (
    <>
      {parseMarkup(text).map((segment, i) =>
        segment.kind === 'term' ? (
          <Term key={i} id={segment.id}>
            {segment.text}
          </Term>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </>
  );
}
