import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

type FocusUi = {
  startOpen: boolean;
  openStart: () => void;
  closeStart: () => void;
  // The session whose leave summary stays on screen after it ended on time, until closed.
  summaryFor: string | null;
  setSummaryFor: (id: string | null) => void;
};

const Context = createContext<FocusUi | null>(null);

// The header button, the timer panel, Today and the Focus page share one start dialog and summary.
export function FocusProvider({ children }: { children: ReactNode }) {
  const [startOpen, setStartOpen] = useState(false);
  const [summaryFor, setSummaryFor] = useState<string | null>(null);
  const value = useMemo(() => ({ startOpen, openStart: () => setStartOpen(true), closeStart: () => setStartOpen(false), summaryFor, setSummaryFor }), [startOpen, summaryFor]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useFocusUi(): FocusUi {
  const ui = useContext(Context);
  if (!ui) throw new Error('useFocusUi outside FocusProvider');
  return ui;
}
