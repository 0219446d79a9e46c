import { useCallback, useState } from 'react';
import type { FieldErrors } from './problems.ts';

// Just enough form state for our forms: values, a setter per field, errors by path.
export function useFormState<T extends object>(initial: T | (() => T)) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = useCallback(<K extends keyof T>(key: K, value: T[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    // Editing a field clears its own error (and those of its entries).
    setErrors((current) => {
      const name = String(key);
      const kept = Object.entries(current).filter(([path]) => path !== name && !path.startsWith(`${name}.`));
      return kept.length === Object.keys(current).length ? current : Object.fromEntries(kept);
    });
  }, []);
  return { values, setValues, set, errors, setErrors };
}

export function timeZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
