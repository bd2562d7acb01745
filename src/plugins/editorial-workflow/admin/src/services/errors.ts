/**
 * The server's own words for a refused request (never a bare "Request failed"),
 * from the error RTK Query hands back (Strapi's `ApiError`: name, message,
 * status, details).
 */
type ApiErrorLike = {
  name?: string;
  message?: string;
  status?: number;
  details?: { code?: string; errors?: { message?: string; path?: string[] }[]; [key: string]: unknown } | null;
};

const asApiError = (error: unknown): ApiErrorLike | null => (error && typeof error === 'object' ? (error as ApiErrorLike) : null);

export const errorMessage = (error: unknown): string => {
  const apiError = asApiError(error);
  const nested = (apiError?.details?.errors ?? [])
    .map((item) => (item.path?.length ? `${item.path.join('.')}: ${item.message}` : item.message))
    .filter((text): text is string => !!text);
  const message = apiError?.message;
  if (message && nested.length > 0 && !nested.includes(message)) return `${message} (${nested.join('; ')})`;
  if (message) return message;
  return 'The request failed; nothing was changed. Try again, or reload the page.';
};

export const errorCode = (error: unknown): string | null => {
  const code = asApiError(error)?.details?.code;
  return typeof code === 'string' ? code : null;
};

export const errorDetails = (error: unknown): Record<string, unknown> => (asApiError(error)?.details as Record<string, unknown> | undefined) ?? {};
