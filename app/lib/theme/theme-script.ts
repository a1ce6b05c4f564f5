import { THEME_COOKIE } from './theme';

/**
 * A tiny script for the top of <head>: applies the theme cookie to <html data-theme> before the
 * first paint. The server sets the attribute itself on pages it renders per request; the prerendered
 * pages (login, register, reset request) are the same file for everyone and cannot, so without this
 * a reader who chose dark would see them flash light. Its text never changes, so the prerendered
 * pages' hash-based CSP lists it like Next's own inline scripts, and other pages run it by nonce.
 */
export const THEME_SCRIPT = `try{var m=document.cookie.match(/(?:^|;\\s*)${THEME_COOKIE}=(light|dark)(?:;|$)/);if(m)document.documentElement.dataset.theme=m[1]}catch(e){}`;
