// Pass or fail against the targets of issue 3, item 11, for the compression study's report.
import type { StudyRow } from './compressionStudy';

export interface StudyCheck {
  name: string;
  pass: boolean;
  detail: string;
}

/** The targets of issue 3, item 11. Accuracy differences in percentage points. */
export function studyChecks(rows: StudyRow[]): StudyCheck[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const dense = byId.get('dense')!.testAccuracy;
  const pt = (a: number) => `${a >= dense ? '+' : ''}${((a - dense) * 100).toFixed(2)}`;
  const checks: StudyCheck[] = [
    { name: 'dense LeNet-300-100 reaches >= 97.8% test accuracy', pass: dense >= 0.978, detail: `${(dense * 100).toFixed(2)}%` },
  ];
  const q4 = byId.get('ptq-sym-channel-4');
  if (q4) {
    checks.push({
      name: '4-bit per-channel post-training quantization within 0.3 pt of dense',
      pass: q4.testAccuracy >= dense - 0.003,
      detail: `${pt(q4.testAccuracy)} pt`,
    });
  }
  const ft90 = byId.get('ft-90');
  if (ft90) {
    checks.push({
      name: '90% global magnitude + fine-tuning within 0.2 pt of dense',
      pass: ft90.testAccuracy >= dense - 0.002,
      detail: `${pt(ft90.testAccuracy)} pt`,
    });
  }
  for (const g of ['tensor', 'channel']) {
    const r = byId.get(`ft90-q4-${g}`);
    if (!r) continue;
    checks.push({
      name: `90% + 4-bit per-${g} encoded >= 30x smaller at <= 0.3 pt loss`,
      pass: r.ratio >= 30 && r.testAccuracy >= dense - 0.003,
      detail: `${r.ratio.toFixed(1)}x, ${pt(r.testAccuracy)} pt`,
    });
  }
  return checks;
}
