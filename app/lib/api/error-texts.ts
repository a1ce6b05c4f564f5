/** The standard reason and description of each error status (the reference's Werkzeug texts). No imports: proxy.ts uses it. */
export const TEXTS: Record<number, [string, string]> = {
  400: ['Bad Request', 'The browser (or proxy) sent a request that this server could not understand.'],
  401: [
    'Unauthorized',
    "The server could not verify that you are authorized to access the URL requested. You either supplied the wrong credentials (e.g. a bad password), or your browser doesn't understand how to supply the credentials required.",
  ],
  403: ['Forbidden', "You don't have the permission to access the requested resource."],
  404: ['Not Found', 'The requested URL was not found on the server.'],
  405: ['Method Not Allowed', 'The method is not allowed for the requested URL.'],
  409: ['Conflict', 'A conflict happened while processing the request.'],
  413: ['Request Entity Too Large', 'The data value transmitted exceeds the capacity limit (1 MB).'],
  429: ['Too Many Requests', 'This user has exceeded an allotted request count. Try again later.'],
  500: ['Internal Server Error', 'The server encountered an internal error and was unable to complete your request.'],
  503: ['Service Unavailable', 'The server is temporarily unable to service your request. Please try again later.'],
};

/** The contract's generic error body. */
export function errorBody(status: number, description?: string) {
  const [message, standard] = TEXTS[status] ?? ['Error', ''];
  return { code: status, message, description: description ?? standard };
}
