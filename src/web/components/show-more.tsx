/** What a cursor-paged list (`useInfiniteQuery` over a `Page<T>`) tells its "show more" button. */
type PagedList = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };

/** "Show more" under a cursor-paged list: fetches the next page, shown only while there is one. */
export function ShowMore({ list, label }: { list: PagedList; label: string }) {
  if (!list.hasNextPage) return null;
  return (
    <button
      type="button"
      className="button button--secondary"
      onClick={() => list.fetchNextPage()}
      disabled={list.isFetchingNextPage}
    >
      {label}
    </button>
  );
}
