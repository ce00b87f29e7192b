// A key combination as keycaps: "g l" → [g] [l]; "Ctrl+Shift+1" → [Ctrl][Shift][1].
export function Kbd({ keys }: { keys: string }) {
  const parts = keys === '+' ? ['+'] : keys.split(/\s+|(?<=.)\+(?=.)/).filter(Boolean);
  return (
    <span className="kbd-combo" aria-label={keys}>
      {parts.map((part, i) => (
        <kbd key={i} className="kbd">
          {part}
        </kbd>
      ))}
    </span>
  );
}
