/**
 * A loading placeholder shaped like the content to come. Screen readers hear `label` once (a polite
 * status); the grey bars themselves are hidden from them.
 */
export function Skeleton({ label, lines = 3 }: { label: string; lines?: number }) {
  return (
    <div role="status" className="py-2">
      <span className="sr-only">{label}</span>
      <div aria-hidden="true" className="space-y-3 motion-safe:animate-pulse">
        {Array.from({ length: lines }, (_, index) => (
          <div
            key={index}
            className={`h-4 rounded bg-[#dedcda] ${index === lines - 1 ? 'w-2/3' : 'w-full'}`}
          />
        ))}
      </div>
    </div>
  )
}
