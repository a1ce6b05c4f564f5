// The transport of the React Mega-Tutorial client (react-microblog, src/MicroblogApiClient.js), as the
// API contract's "Calls made by the React client" describes it: JSON content type and
// `Authorization: Bearer <localStorage.accessToken>` (literally "Bearer null" when signed out) on
// every call, `credentials: 'include'` only for /tokens, one refresh-and-retry on a 401, fetch
// failures turned into a fake 500.
window.MicroblogApiClient = class MicroblogApiClient {
  constructor(baseUrl) {
    this.base_url = baseUrl + '/api';
  }

  async request(options) {
    let response = await this.requestInternal(options);
    if (response.status === 401 && options.url !== '/tokens') {
      const refreshResponse = await this.put('/tokens', { access_token: localStorage.getItem('accessToken') });
      if (refreshResponse.ok) {
        localStorage.setItem('accessToken', refreshResponse.body.access_token);
        response = await this.requestInternal(options);
      }
    }
    return response;
  }

  async requestInternal(options) {
    let query = new URLSearchParams(options.query || {}).toString();
    if (query !== '') query = '?' + query;
    let response;
    try {
      response = await fetch(this.base_url + options.url + query, {
        method: options.method,
        headers: {
          'Content-Type': 'application/json',
          Authorization: 'Bearer ' + localStorage.getItem('accessToken'),
          ...options.headers,
        },
        credentials: options.url === '/tokens' ? 'include' : 'omit',
        body: options.body ? JSON.stringify(options.body) : null,
      });
    } catch (error) {
      response = {
        ok: false,
        status: 500,
        json: async () => ({ code: 500, message: 'The server is unresponsive', description: error.toString() }),
      };
    }
    return { ok: response.ok, status: response.status, body: response.status !== 204 ? await response.json() : null };
  }

  get(url, query, options) { return this.request({ method: 'GET', url, query, ...options }); }
  post(url, body, options) { return this.request({ method: 'POST', url, body, ...options }); }
  put(url, body, options) { return this.request({ method: 'PUT', url, body, ...options }); }
  delete(url, options) { return this.request({ method: 'DELETE', url, ...options }); }

  async login(username, password) {
    const response = await this.post('/tokens', null, { headers: { Authorization: 'Basic ' + btoa(username + ':' + password) } });
    if (!response.ok) return response.status === 401 ? 'fail' : 'error';
    localStorage.setItem('accessToken', response.body.access_token);
    return 'ok';
  }

  async logout() {
    await this.delete('/tokens');
    localStorage.removeItem('accessToken');
  }

  isAuthenticated() {
    return localStorage.getItem('accessToken') !== null;
  }
};
