import type { MailMessage } from './transport';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The reference's reset e-mail: subject, a text body and an HTML body, both with the absolute link. */
export function passwordResetEmail(input: { to: string; username: string; url: string }): MailMessage {
  const { to, username, url } = input;
  const text = [
    `Dear ${username},`,
    '',
    'To reset your password click on the following link:',
    '',
    url,
    '',
    'The link works once and expires in 10 minutes.',
    '',
    'If you have not requested a password reset simply ignore this message.',
    '',
    'Sincerely,',
    '',
    'The Microblog Team',
    '',
  ].join('\n');
  const href = escapeHtml(url);
  const html = `<!doctype html>
<html><body>
<p>Dear ${escapeHtml(username)},</p>
<p>To reset your password <a href="${href}">click here</a>.</p>
<p>Alternatively, you can paste the following link in your browser's address bar:</p>
<p>${href}</p>
<p>The link works once and expires in 10 minutes.</p>
<p>If you have not requested a password reset simply ignore this message.</p>
<p>Sincerely,</p>
<p>The Microblog Team</p>
</body></html>
`;
  return { to, subject: '[Microblog] Reset Your Password', text, html };
}
