const URL_PATTERN = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)]/g;

/** Plain text with its http(s) URLs turned into links. */
export function LinkifiedText({ text }: { text: string }) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    // keyed by their offset in the text, which is unique and stable
    if (start > last) parts.push(<span key={last}>{text.slice(last, start)}</span>);
    parts.push(
      <a
        key={start}
        href={match[0]}
        target="_blank"
        rel="noreferrer"
        className="break-all font-medium text-brand-600 underline hover:text-brand-700"
      >
        {match[0]}
      </a>,
    );
    last = start + match[0].length;
  }
  if (last < text.length) parts.push(<span key={last}>{text.slice(last)}</span>);
  return <>{parts}</>;
}
