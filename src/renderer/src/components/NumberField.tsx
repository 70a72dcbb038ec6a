import type { ReactNode } from 'react';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  min?: number;
  max?: number;
  placeholder?: string;
  title?: string;
  testId: string;
}

/** A labelled whole-number input. The text is kept as typed: the lab, not the browser, says what is wrong with it. */
export function NumberField({
  label,
  value,
  onChange,
  min,
  max,
  placeholder,
  title,
  testId,
}: Props): ReactNode {
  return (
    <label>
      <span>{label}</span>
      <input
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        placeholder={placeholder}
        title={title}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      />
    </label>
  );
}

/** A whole number from an input, or the text itself so that the lab can say what is wrong with it. */
export function numberOrText(text: string): number {
  return (/^\s*\d+\s*$/.test(text) ? Number(text) : text) as number;
}
