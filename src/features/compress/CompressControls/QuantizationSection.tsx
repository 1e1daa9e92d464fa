// QUANTIZATION and ENCODING: how many bits each surviving weight keeps, how the levels are
// chosen, and whether the codes are entropy coded.
import { QUANTIZATION_SCHEMES } from '../../../engine/quantization/registry';
import type { Granularity } from '../../../engine/quantization/types';
import { useAppStore } from '../../../store';
import { BIT_WIDTHS, describeBits, schemeOf, type IntegerScheme } from '../../../url/compressControls';
import { CheckboxField } from '../../../shared/ui/Field/CheckboxField';
import { SelectField } from '../../../shared/ui/Field';
import { RangeField } from '../../../shared/ui/RangeField';
import { SectionTitle } from '../../../shared/ui/SectionTitle';
import { ClassroomHide } from '../../../shared/ui/ClassroomHide';

const SCHEME_OPTIONS: readonly { value: IntegerScheme; label: string }[] = [
  { value: 'symmetric', label: 'Symmetric integer' },
  { value: 'affine', label: 'Affine integer' },
  { value: 'kmeans', label: 'k-means weight sharing' },
];

const GRANULARITY_OPTIONS: readonly { value: Granularity; label: string }[] = [
  { value: 'channel', label: 'Per output channel' },
  { value: 'tensor', label: 'Per tensor' },
];

const MARKS = BIT_WIDTHS.map((bits, i) => ({ position: i, label: String(bits) }));

export function QuantizationSection() {
  const ui = useAppStore((s) => s.compressUi);
  const setUi = useAppStore((s) => s.setCompressUi);
  const scheme = schemeOf(ui);
  const integer = ui.bits <= 8;
  const perChannel = scheme === 'symmetric' || scheme === 'affine';
  const index = Math.max(0, BIT_WIDTHS.indexOf(ui.bits as (typeof BIT_WIDTHS)[number]));

  return (
    <>
      <section className="panel-section" aria-labelledby="quantization-title">
        <SectionTitle id="quantization-title" title="Quantization" locked={false} />
        <ClassroomHide control="bits">
          <RangeField
            label="Bit width"
            min={0}
            max={BIT_WIDTHS.length - 1}
            position={index}
            onChange={(i) => setUi({ bits: BIT_WIDTHS[i] })}
            valueText={describeBits(ui.bits)}
            display={ui.bits >= 32 ? 'off' : ui.bits === 16 ? 'float16' : `${ui.bits} bit${ui.bits === 1 ? '' : 's'}`}
            marks={MARKS}
            markUnit=" bits"
            hint={QUANTIZATION_SCHEMES[scheme].description}
          />
        </ClassroomHide>
        <ClassroomHide control="scheme">
          {/* One per row: side by side, the 284 px panel cut their labels ("Symmetric", "Per output"). */}
          <div className="panel-stack">
            <SelectField<IntegerScheme>
              label="Integer scheme"
              value={ui.integerScheme}
              options={SCHEME_OPTIONS}
              disabled={!integer}
              onChange={(integerScheme) => setUi({ integerScheme })}
            />
            <SelectField<Granularity>
              label="Granularity"
              value={ui.granularity}
              options={GRANULARITY_OPTIONS}
              disabled={!integer || !perChannel}
              onChange={(granularity) => setUi({ granularity })}
            />
          </div>
        </ClassroomHide>
        <p className="compress-hint">
          {integer
            ? perChannel
              ? 'Per output channel gives each neuron its own scale: finer levels for small neurons.'
              : 'k-means learns one shared codebook per layer, so scales do not apply.'
            : 'Scheme and scales apply at 1 to 8 bits; 16 and 32 store floats.'}
        </p>
      </section>
      <section className="panel-section" aria-labelledby="encoding-title">
        <SectionTitle id="encoding-title" title="Encoding" locked={false} />
        <ClassroomHide control="entropy">
          <CheckboxField
            label="Entropy coding (Huffman)"
            checked={ui.entropyCoding}
            onChange={(entropyCoding) => setUi({ entropyCoding })}
            hint="Shorter codes for frequent values and gaps, used per layer where it is smaller."
          />
        </ClassroomHide>
      </section>
    </>
  );
}
