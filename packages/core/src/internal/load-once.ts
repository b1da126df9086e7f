/**
 * A lazily loaded module, loaded once and shared: every caller gets the same load. A load that
 * failed is not kept, so the next call loads again (a network failure is worth another try).
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    if (!loading) {
      const attempt = load();
      loading = attempt;
      attempt.catch(() => {
        if (loading === attempt) loading = undefined;
      });
    }
    return loading;
  };
}
