import { act, cleanup, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OFFSCREEN_SETTLE_MS, useValueWhenSeen } from '../../src/ui/use-value-when-seen';

/** An IntersectionObserver the test drives: `see(true|false)` reports the element in or out. */
class FakeObserver {
  static current: FakeObserver | null = null;
  constructor(private readonly callback: (entries: { isIntersecting: boolean }[]) => void) {
    FakeObserver.current = this;
  }
  observe() {}
  disconnect() {}
  see(visible: boolean) {
    this.callback([{ isIntersecting: visible }]);
  }
}

function Shown({ value }: { value: number }) {
  const ref = useRef<HTMLParagraphElement>(null);
  const shown = useValueWhenSeen(value, ref);
  return <p ref={ref}>shown {shown}</p>;
}

const see = (visible: boolean) => act(() => FakeObserver.current?.see(visible));

describe('useValueWhenSeen', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('IntersectionObserver', FakeObserver);
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    vi.unstubAllGlobals();
    FakeObserver.current = null;
  });

  it('follows every change while on screen', () => {
    const { rerender } = render(<Shown value={1} />);
    see(true);
    rerender(<Shown value={2} />);
    expect(screen.getByText('shown 2')).toBeInTheDocument();
  });

  it('keeps the last value out of view until the changes pause', () => {
    const { rerender } = render(<Shown value={1} />);
    see(false);
    rerender(<Shown value={2} />);
    act(() => vi.advanceTimersByTime(OFFSCREEN_SETTLE_MS - 50));
    rerender(<Shown value={3} />);
    act(() => vi.advanceTimersByTime(OFFSCREEN_SETTLE_MS - 50));
    // Still moving: the section out of view has not been re-rendered.
    expect(screen.getByText('shown 1')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(50));
    expect(screen.getByText('shown 3')).toBeInTheDocument();
  });

  it('shows the latest value as soon as it scrolls into view', () => {
    const { rerender } = render(<Shown value={1} />);
    see(false);
    rerender(<Shown value={5} />);
    expect(screen.getByText('shown 1')).toBeInTheDocument();
    see(true);
    expect(screen.getByText('shown 5')).toBeInTheDocument();
  });

  it('leaving the view keeps what was on screen, not a newer value', () => {
    const { rerender } = render(<Shown value={1} />);
    see(true);
    rerender(<Shown value={2} />);
    see(false);
    expect(screen.getByText('shown 2')).toBeInTheDocument();
    rerender(<Shown value={3} />);
    expect(screen.getByText('shown 2')).toBeInTheDocument();
  });

  it('without IntersectionObserver, is always on screen', () => {
    vi.unstubAllGlobals();
    vi.stubGlobal('IntersectionObserver', undefined);
    const { rerender } = render(<Shown value={1} />);
    rerender(<Shown value={7} />);
    expect(screen.getByText('shown 7')).toBeInTheDocument();
  });
});
