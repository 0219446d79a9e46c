import { useEffect, useRef, useState } from 'react';
import { sessionState, type FocusPhaseName } from '../../../server/modules/focus/focus.contract.ts';
import type { FocusSession } from './api.ts';

export type ClockState = ReturnType<typeof sessionState>;

// The server's session, counted down here with the server's rule. The offset between the server's
// clock and this browser's is taken from the answer, so a wrong local clock does not shift the phases.
export function useFocusClock(session: FocusSession | null, onPhaseChange?: (phase: FocusPhaseName | null) => void): ClockState | null {
  const offset = useRef(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (session) offset.current = session.serverNow.getTime() - Date.now();
  }, [session]);
  useEffect(() => {
    if (!session?.running) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [session]);
  // Never before the start: the offset also holds the answer's travel time.
  const at = session ? new Date(Math.max(now + offset.current, session.startedAt.getTime())) : null;
  const state = session && at ? sessionState({ startedAt: session.startedAt, plan: session.plannedSeconds, endedAt: session.endedAt }, at) : null;
  const phase = state?.phase ?? null;
  const last = useRef<FocusPhaseName | null | undefined>(undefined);
  useEffect(() => {
    if (last.current !== undefined && last.current !== phase) onPhaseChange?.(phase);
    last.current = phase;
  }, [phase, onPhaseChange]);
  return state;
}

export function formatClock(seconds: number): string {
  const s = Math.max(0, seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

// A soft two-note chime at each phase change, made with Web Audio (no sound file to load).
export function chime() {
  const AudioContextClass = window.AudioContext;
  if (!AudioContextClass) return;
  const context = new AudioContextClass();
  const start = context.currentTime;
  for (const [index, frequency] of [660, 880].entries()) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = frequency;
    const at = start + index * 0.18;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.15, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.5);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.55);
  }
  setTimeout(() => void context.close(), 1200);
}

const soundKey = 'onland.focus.sound';
export function soundPreference(): boolean {
  try {
    return localStorage.getItem(soundKey) === 'on';
  } catch {
    return false;
  }
}
export function setSoundPreference(on: boolean) {
  try {
    localStorage.setItem(soundKey, on ? 'on' : 'off');
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}
