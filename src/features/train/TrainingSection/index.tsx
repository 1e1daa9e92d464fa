// TRAINING: how long, in what steps, and from which random start.
import type { LrSchedule, OptimizerId } from '../../../engine/spec/types';
import { selectSpec, useAppStore, type SpecField } from '../../../store';
import { NumberField, SelectField } from '../../../shared/ui/Field';
import { SectionTitle } from '../../../shared/ui/SectionTitle';
import { ClassroomHide } from '../../../shared/ui/ClassroomHide';
import { inputLimits } from '../../../url/limits';
import { SCHEDULE_LIMITS, SPEC_ROWS } from '../../../url/specFields';

const OPTIMIZERS: readonly { value: OptimizerId; label: string }[] = [
  { value: 'sgd', label: 'SGD' },
  { value: 'momentum', label: 'Momentum' },
  { value: 'adam', label: 'Adam' },
];

const SCHEDULES: readonly { value: LrSchedule['kind']; label: string }[] = [
  { value: 'constant', label: 'Constant' },
  { value: 'step', label: 'Step decay with warmup' },
];

export function TrainingSection({ locked }: { locked: boolean }) {
  const spec = useAppStore(selectSpec);
  const updateSpec = useAppStore((s) => s.updateSpec);
  const setScheduleKind = useAppStore((s) => s.setScheduleKind);
  const updateStepSchedule = useAppStore((s) => s.updateStepSchedule);
  const setFieldError = useAppStore((s) => s.setFieldError);
  const errorFor = (field: SpecField) => (message: string | null) => setFieldError(field, message);
  const schedule = spec.schedule;

  return (
    <section className="panel-section" aria-labelledby="training-title">
      <SectionTitle id="training-title" title="Training" locked={locked} />
      <div className="panel-row">
        <ClassroomHide control="epochs">
          <NumberField
            onError={errorFor('epochs')}
            label="Epochs"
            value={spec.epochs}
            {...inputLimits(SPEC_ROWS.epochs.limits)}
            disabled={locked}
            onCommit={(epochs) => updateSpec({ epochs })}
          />
        </ClassroomHide>
        <ClassroomHide control="batch">
          <NumberField
            onError={errorFor('batchSize')}
            label="Batch size"
            value={spec.batchSize}
            {...inputLimits(SPEC_ROWS.batchSize.limits)}
            disabled={locked}
            onCommit={(batchSize) => updateSpec({ batchSize })}
          />
        </ClassroomHide>
      </div>
      <div className="panel-row">
        <ClassroomHide control="optimizer">
          <SelectField
            label="Optimizer"
            value={spec.optimizer}
            options={OPTIMIZERS}
            disabled={locked}
            onChange={(optimizer) => updateSpec({ optimizer })}
          />
        </ClassroomHide>
        <ClassroomHide control="lr">
          <NumberField
            onError={errorFor('learningRate')}
            label="Learning rate"
            value={spec.learningRate}
            {...inputLimits(SPEC_ROWS.learningRate.limits)}
            step={spec.optimizer === 'adam' ? 0.0001 : 0.001}
            disabled={locked}
            onCommit={(learningRate) => updateSpec({ learningRate })}
          />
        </ClassroomHide>
      </div>
      <ClassroomHide control="schedule">
        <SelectField
          label="Schedule"
          value={schedule.kind}
          options={SCHEDULES}
          disabled={locked}
          onChange={setScheduleKind}
          hint={
            schedule.kind === 'constant'
              ? 'The learning rate stays the same for the whole run.'
              : 'Ramps the rate up, then multiplies it by gamma at regular intervals.'
          }
        />
      </ClassroomHide>
      {schedule.kind === 'step' ? (
        <ClassroomHide control="schedule">
          <div className="panel-subgroup" role="group" aria-label="Step decay settings">
            <div className="panel-row">
              <NumberField
                onError={errorFor('warmupSteps')}
                label="Warmup steps"
                value={schedule.warmupSteps}
                {...inputLimits(SCHEDULE_LIMITS.warmupSteps)}
                disabled={locked}
                hint="batches"
                onCommit={(warmupSteps) => updateStepSchedule({ warmupSteps })}
              />
              <NumberField
                onError={errorFor('decayEverySteps')}
                label="Decay every"
                value={schedule.decayEverySteps}
                {...inputLimits(SCHEDULE_LIMITS.decayEverySteps)}
                disabled={locked}
                hint="batches"
                onCommit={(decayEverySteps) => updateStepSchedule({ decayEverySteps })}
              />
            </div>
            <NumberField
              onError={errorFor('gamma')}
              label="Gamma"
              value={schedule.gamma}
              {...inputLimits(SCHEDULE_LIMITS.gamma)}
              disabled={locked}
              hint="Factor applied at each decay, e.g. 0.5 halves the rate."
              onCommit={(gamma) => updateStepSchedule({ gamma })}
            />
          </div>
        </ClassroomHide>
      ) : null}
      <ClassroomHide control="seed">
        <NumberField
          onError={errorFor('seed')}
          label="Seed"
          value={spec.seed}
          {...inputLimits(SPEC_ROWS.seed.limits)}
          disabled={locked}
          hint="Same seed, same settings: the same run, step for step."
          onCommit={(seed) => updateSpec({ seed })}
        />
      </ClassroomHide>
    </section>
  );
}
